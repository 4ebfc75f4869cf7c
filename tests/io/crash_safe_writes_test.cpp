// kill -9 at random points while Faro writes a project, a GeoPackage, a PNG, a GeoTIFF, a PDF and
// an MP4 (io/atomic_file.hpp): the destination is always absent or complete (it opens and holds
// what was written), and the temporaries of killed writers are removed by the next write, so none
// is left once a write completes.
//
// The writer is a child process: this test binary run again with FARO_KILL_CHILD=<kind> runs only
// this test, which then writes the destination in a loop until it is killed. The parent waits for
// the child's "ready" byte (after its setup), sleeps a random time within a few write durations and
// sends SIGKILL. FARO_KILL_COUNT sets the number of kills, spread over the six kinds (default 60:
// each kill starts a child process, ~0.2-1 s on 2 cores; the README's figure is a 200-kill run);
// FARO_KILL_SEED the random seed (default: from the clock, printed so a failure can be replayed).
// The PDF is drawn with cairo through io::AtomicOutput, exactly as render/brief_page.cpp and
// render/evaluation_report.cpp write theirs.
#include <cairo-pdf.h>
#include <cairo.h>
#include <fcntl.h>
#include <gdal.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <thread>

#include "core/demo_city.hpp"
#include "core/errors.hpp"
#include "io/atomic_file.hpp"
#include "io/demo_writer.hpp"
#include "io/geotiff_writer.hpp"
#include "io/png_writer.hpp"
#include "io/project_file.hpp"
#include "io/video_writer.hpp"

extern char** environ;

namespace faro {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

const char* const kKinds[] = {"project", "gpkg", "png", "tif", "pdf", "mp4"};

std::string file_name(const std::string& kind) {
  return kind == "project" ? "city.faro" : kind == "gpkg" ? "city.gpkg" : "out." + kind;
}

// Deterministic content, big enough that a write takes tens of milliseconds (so kills land inside
// writes, not only between them).
std::vector<uint8_t> test_image(int w, int h) {
  std::vector<uint8_t> rgba(static_cast<size_t>(w) * h * 4);
  uint32_t noise = 12345;
  for (size_t i = 0; i < rgba.size(); i += 4) {
    noise = noise * 1664525u + 1013904223u;
    const size_t px = i / 4;
    rgba[i] = static_cast<uint8_t>(px % w);
    rgba[i + 1] = static_cast<uint8_t>(px / w);
    rgba[i + 2] = static_cast<uint8_t>(noise >> 24);
    rgba[i + 3] = 255;
  }
  return rgba;
}

void write_pdf(const std::string& path) {
  io::AtomicOutput out(path);
  cairo_surface_t* surface = cairo_pdf_surface_create(out.temp_path().c_str(), 595, 842);
  cairo_t* cr = cairo_create(surface);
  for (int page = 0; page < 6; ++page) {
    for (int i = 0; i < 400; ++i) {
      cairo_move_to(cr, (i * 37) % 595, (i * 53) % 842);
      cairo_line_to(cr, (i * 91 + page) % 595, (i * 17) % 842);
      cairo_stroke(cr);
    }
    cairo_move_to(cr, 40, 40);
    cairo_show_text(cr, ("page " + std::to_string(page)).c_str());
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw DataError("cannot write " + path);
  out.commit();
}

// The writer of one kind, with its input made once.
std::function<void(const std::string&)> make_writer(const std::string& kind) {
  if (kind == "project") {
    auto session = std::make_shared<Session>();
    for (int i = 0; i < 40000; ++i) session->selection.push_back("SECTOR-" + std::to_string(i));
    return [session](const std::string& path) { io::save_project(*session, path); };
  }
  if (kind == "gpkg") {
    DemoOptions o;
    o.incidents = 1500;
    auto city = std::make_shared<DemoCity>(generate_demo_city(o));
    return [city](const std::string& path) { io::write_demo_geopackage(*city, path); };
  }
  if (kind == "png") {
    auto rgba = std::make_shared<std::vector<uint8_t>>(test_image(900, 700));
    return [rgba](const std::string& path) {
      io::PngOptions o;
      o.threads = 1;
      io::write_png_rgba(path, *rgba, 900, 700, o);
    };
  }
  if (kind == "tif") {
    auto values = std::make_shared<std::vector<float>>(700 * 700);
    for (size_t i = 0; i < values->size(); ++i) (*values)[i] = std::sin(i * 0.001f) + 1.0f;
    return [values](const std::string& path) {
      GridSpec g;
      g.xmin = 480000;
      g.ymax = 2150000;
      g.cell = 10;
      g.nx = g.ny = 700;
      io::write_density_geotiff(path, g, *values, "EPSG:32614", {});
    };
  }
  if (kind == "pdf") return write_pdf;
  auto rgba = std::make_shared<std::vector<uint8_t>>(test_image(320, 240));
  return [rgba](const std::string& path) {
    io::VideoWriter v(path, io::VideoFormat::mp4, 320, 240, 12);
    for (int f = 0; f < 24; ++f) v.add_frame(*rgba);
    v.finish();
  };
}

// MP4: the top-level boxes tile the file exactly and include the index (moov) and the data (mdat).
bool mp4_complete(const std::string& bytes) {
  size_t pos = 0;
  bool moov = false, mdat = false;
  while (pos + 8 <= bytes.size()) {
    uint64_t size = 0;
    for (int i = 0; i < 4; ++i) size = size << 8 | static_cast<uint8_t>(bytes[pos + i]);
    const std::string type = bytes.substr(pos + 4, 4);
    if (size == 1 && pos + 16 <= bytes.size()) {
      size = 0;
      for (int i = 8; i < 16; ++i) size = size << 8 | static_cast<uint8_t>(bytes[pos + i]);
    }
    if (size < 8) return false;
    moov |= type == "moov";
    mdat |= type == "mdat";
    pos += size;
  }
  return pos == bytes.size() && moov && mdat;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// What makes a destination "complete" for each kind; "" when it is, else why not.
std::string check_complete(const std::string& kind, const std::string& path,
                           const std::string& reference_bytes) {
  if (kind == "project") {
    try {
      const Session s = io::load_project(path);
      return s.selection.size() == 40000 ? "" : "project with a partial selection";
    } catch (const std::exception& e) {
      return e.what();
    }
  }
  if (kind == "gpkg") {
    GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                 nullptr, nullptr);
    if (!ds) return "GeoPackage does not open";
    OGRLayerH sectors = GDALDatasetGetLayerByName(ds, "sectors");
    const bool ok = sectors && OGR_L_GetFeatureCount(sectors, 1) == 70 &&
                    GDALDatasetGetLayerByName(ds, "program_sectors") != nullptr;
    GDALClose(ds);
    return ok ? "" : "GeoPackage without its layers";
  }
  const std::string bytes = read_all(path);
  if (kind == "mp4") return mp4_complete(bytes) ? "" : "MP4 boxes do not tile the file";
  if (kind == "pdf")
    return bytes.rfind("%PDF-", 0) == 0 && bytes.find("%%EOF", bytes.size() - 32) != bytes.npos
               ? ""
               : "PDF without header or trailer";
  // PNG and GeoTIFF are deterministic: byte-equal to a write that was not interrupted.
  return bytes == reference_bytes ? "" : kind + " differs from a complete write";
}

std::vector<std::string> temporaries_in(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (io::temporary_owner_pid(e.path().filename().string())) out.push_back(e.path().string());
  return out;
}

// Runs this test in a child process that writes `kind` to `dest` until killed; returns its pid
// once it is ready (its input made), or -1.
pid_t spawn_writer(const std::string& kind, const std::string& dest) {
  int fds[2];
  if (::pipe(fds) != 0) return -1;
  ::fcntl(fds[0], F_SETFD, FD_CLOEXEC);
  std::vector<std::string> env_strings = {"FARO_KILL_CHILD=" + kind, "FARO_KILL_DEST=" + dest,
                                          "FARO_KILL_READY_FD=" + std::to_string(fds[1])};
  for (char** e = environ; *e; ++e)
    if (std::string_view(*e).rfind("FARO_KILL_", 0) != 0) env_strings.emplace_back(*e);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::string exe = fs::read_symlink("/proc/self/exe").string();
  std::string filter = "--gtest_filter=CrashSafeWrites.KillNineLeavesOldOrNewAndNoOrphans";
  char* argv[] = {exe.data(), filter.data(), nullptr};
  // The child's own gtest lines would interleave with ours: its output goes to /dev/null (a
  // child that fails exits by itself, which the caller reports).
  posix_spawn_file_actions_t quiet;
  posix_spawn_file_actions_init(&quiet);
  posix_spawn_file_actions_addopen(&quiet, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&quiet, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  const int rc = ::posix_spawn(&pid, exe.c_str(), &quiet, nullptr, argv, envp.data());
  posix_spawn_file_actions_destroy(&quiet);
  ::close(fds[1]);
  if (rc != 0) pid = -1;
  pollfd p{fds[0], POLLIN, 0};
  char byte = 0;
  if (pid > 0 && (::poll(&p, 1, 60000) != 1 || ::read(fds[0], &byte, 1) != 1)) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    pid = -1;
  }
  ::close(fds[0]);
  return pid;
}

[[noreturn]] void run_child(const std::string& kind) {
  const char* dest = std::getenv("FARO_KILL_DEST");
  const int ready_fd = std::atoi(std::getenv("FARO_KILL_READY_FD"));
  auto write = make_writer(kind);
  const char byte = 1;
  if (::write(ready_fd, &byte, 1) != 1) std::_Exit(3);
  ::close(ready_fd);
  for (;;) write(dest);
}

int env_int(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

TEST(CrashSafeWrites, KillNineLeavesOldOrNewAndNoOrphans) {
  if (const char* kind = std::getenv("FARO_KILL_CHILD")) run_child(kind);
  GDALAllRegister();
  const int kills = env_int("FARO_KILL_COUNT", 60);
  const unsigned seed = static_cast<unsigned>(
      env_int("FARO_KILL_SEED", static_cast<int>(Clock::now().time_since_epoch().count() & 0xffff)));
  std::mt19937 rng(seed);
  std::printf("%d kills, FARO_KILL_SEED=%u\n", kills, seed);
  const fs::path root = fs::temp_directory_path() / ("faro-kill-" + std::to_string(::getpid()));
  fs::remove_all(root);

  int total_kills = 0, orphans_seen = 0, max_orphans = 0;
  for (size_t k = 0; k < std::size(kKinds); ++k) {
    const std::string kind = kKinds[k];
    const fs::path dir = root / kind;
    fs::create_directories(dir);
    const std::string dest = (dir / file_name(kind)).string();
    // A complete write in this process: the reference bytes and the write's duration.
    auto write = make_writer(kind);
    const std::string reference = (dir / ("reference." + kind)).string();
    const auto t0 = Clock::now();
    write(reference);
    const double write_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    const std::string reference_bytes = read_all(reference);
    fs::remove(reference);
    const int kind_kills = kills / 6 + (static_cast<int>(k) < kills % 6 ? 1 : 0);
    std::uniform_real_distribution<double> delay_ms(0, 1.5 * write_ms + 2);
    int kind_orphans = 0;
    for (int i = 0; i < kind_kills; ++i) {
      const pid_t pid = spawn_writer(kind, dest);
      ASSERT_GT(pid, 0) << "the writer child did not start (" << kind << ")";
      std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(delay_ms(rng)));
      ::kill(pid, SIGKILL);
      int status = 0;
      ::waitpid(pid, &status, 0);
      ASSERT_TRUE(WIFSIGNALED(status)) << kind << ": the writer exited by itself, status "
                                       << status;
      ++total_kills;
      if (fs::exists(dest)) {
        const std::string why = check_complete(kind, dest, reference_bytes);
        ASSERT_EQ(why, "") << kind << " after kill " << i + 1 << " (seed " << seed << ")";
      }
      // Each child's first write removed the leftovers of the ones before: only the last killed
      // writer's temporary (and its side files) may be here, never a pile.
      const auto left = temporaries_in(dir.string());
      kind_orphans += static_cast<int>(left.size());
      max_orphans = std::max(max_orphans, static_cast<int>(left.size()));
      ASSERT_LE(left.size(), 6u) << kind << ": temporaries pile up, e.g. " << left.front();
    }
    orphans_seen += kind_orphans;
    // The next write (this process) cleans up: nothing but the destination remains.
    write(dest);
    EXPECT_EQ(check_complete(kind, dest, reference_bytes), "");
    const auto left = temporaries_in(dir.string());
    EXPECT_TRUE(left.empty()) << kind << ": " << left.size() << " temporaries after the next write";
    std::printf("%-7s %3d kills, write %.0f ms, %d temporaries seen after kills, 0 after the next "
                "write\n", kind.c_str(), kind_kills, write_ms, kind_orphans);
  }
  // Kills inside writes leave temporaries; none at all would mean the kills missed every write.
  if (total_kills >= 30) {
    EXPECT_GT(orphans_seen, 0) << "no kill landed inside a write";
  }
  std::printf("%d kills: at most %d temporaries at once, all removed by the next write\n",
              total_kills, max_orphans);
  fs::remove_all(root);
}

}  // namespace
}  // namespace faro

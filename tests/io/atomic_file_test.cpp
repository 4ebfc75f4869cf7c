// Temporaries of atomic writes (io/atomic_file.hpp): named after their writer's pid, and removed by
// the next write in their folder once that process is gone, side files (SQLite journals) included.
#include "io/atomic_file.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace faro::io {
namespace {

namespace fs = std::filesystem;

// A pid that existed and is gone now: a child that exits at once, reaped.
long dead_pid() {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  ::waitpid(pid, nullptr, 0);
  return pid;
}

void touch(const fs::path& p, size_t bytes = 10) { std::ofstream(p) << std::string(bytes, 'x'); }

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(AtomicFile, TemporaryCarriesPidAndKeepsExtension) {
  const fs::path dir = fresh_dir("faro-atomic-name");
  AtomicOutput a((dir / "out.gpkg").string()), b((dir / "out.gpkg").string());
  const std::string name = fs::path(a.temp_path()).filename().string();
  EXPECT_EQ(name.rfind(".out.gpkg.faro-tmp." + std::to_string(::getpid()) + ".", 0), 0u) << name;
  EXPECT_EQ(fs::path(a.temp_path()).extension(), ".gpkg");
  EXPECT_NE(a.temp_path(), b.temp_path());
  EXPECT_EQ(temporary_owner_pid(name), ::getpid());
  fs::remove_all(dir);
}

TEST(AtomicFile, RecognisesTemporariesAndTheirSideFilesOnly) {
  EXPECT_EQ(temporary_owner_pid(".city.gpkg.faro-tmp.4242.0a1b2c3d.gpkg"), 4242);
  EXPECT_EQ(temporary_owner_pid(".city.gpkg.faro-tmp.4242.0a1b2c3d.gpkg-journal"), 4242);
  EXPECT_EQ(temporary_owner_pid(".out.tif.faro-tmp.77.ffffffff.tif.aux.xml"), 77);
  EXPECT_EQ(temporary_owner_pid(".out.tif.tmp-1234-0.tif"), 1234);  // older builds' names
  EXPECT_EQ(temporary_owner_pid("out.tif"), std::nullopt);
  EXPECT_EQ(temporary_owner_pid("city.gpkg.faro-tmp.4242.x.gpkg"), std::nullopt);  // not hidden
  EXPECT_EQ(temporary_owner_pid(".faro-tmp.abc.tif"), std::nullopt);
  EXPECT_EQ(temporary_owner_pid(".notes.tmp-x-1"), std::nullopt);
  EXPECT_EQ(temporary_owner_pid(".x.faro-tmp.-5.a"), std::nullopt);
}

TEST(AtomicFile, RemovesOrphansOfGoneProcessesOnly) {
  const fs::path dir = fresh_dir("faro-atomic-orphans");
  const std::string gone = std::to_string(dead_pid());
  const std::string me = std::to_string(::getpid());
  touch(dir / (".map.png.faro-tmp." + gone + ".00000001.png"), 1000);
  touch(dir / (".city.gpkg.faro-tmp." + gone + ".00000002.gpkg"), 500);
  touch(dir / (".city.gpkg.faro-tmp." + gone + ".00000002.gpkg-journal"), 20);
  touch(dir / (".old.tif.tmp-" + gone + "-3.tif"), 7);
  touch(dir / (".mine.faro.faro-tmp." + me + ".00000004.faro"));  // a live writer: this process
  touch(dir / (".init.faro.faro-tmp.1.00000005.faro"));           // pid 1 always exists
  touch(dir / "map.png");
  touch(dir / ".hidden-user-file");
  const OrphanCleanup done = remove_orphan_temporaries(dir.string());
  EXPECT_EQ(done.files, 4);
  EXPECT_EQ(done.bytes, 1527u);
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(dir)) left.push_back(e.path().filename().string());
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (std::vector<std::string>{".hidden-user-file",
                                            ".init.faro.faro-tmp.1.00000005.faro",
                                            ".mine.faro.faro-tmp." + me + ".00000004.faro",
                                            "map.png"}));
  EXPECT_EQ(remove_orphan_temporaries((dir / "missing").string()).files, 0);  // never throws
  fs::remove_all(dir);
}

TEST(AtomicFile, EveryWriteFirstRemovesTheFoldersOrphans) {
  const fs::path dir = fresh_dir("faro-atomic-next");
  const fs::path orphan = dir / (".a.csv.faro-tmp." + std::to_string(dead_pid()) + ".0.csv");
  touch(orphan);
  write_file_atomically((dir / "b.csv").string(), "x,y\n");
  EXPECT_FALSE(fs::exists(orphan));
  EXPECT_TRUE(fs::exists(dir / "b.csv"));
  size_t entries = 0;
  for (const auto& e : fs::directory_iterator(dir)) entries += e.exists() ? 1 : 0;
  EXPECT_EQ(entries, 1u);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace faro::io

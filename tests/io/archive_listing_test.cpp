// Archives browsed like folders (io/archive_listing.hpp): a zip and a tar made here, a gzip CSV
// previewed through /vsigzip/, parents and names of /vsi paths, existence checks of members.
#include "io/archive_listing.hpp"

#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <fstream>

#include "io/csv_preview.hpp"
#include "io/gdal_env.hpp"
#include "test_support.hpp"

namespace faro::io {
namespace {

const char* kCsv =
    "fecha,hora,delito,longitud,latitud\n"
    "2024-01-02,10:00,ROBO,-99.13,19.43\n"
    "2024-01-03,11:30,LESIONES,-99.14,19.44\n";

// Writes `text` to a GDAL path (a member of a zip being made, a gzip file).
void write_vsi(const std::string& path, const std::string& text) {
  ensure_gdal();
  VSILFILE* f = VSIFOpenL(path.c_str(), "wb");
  ASSERT_NE(f, nullptr) << path;
  VSIFWriteL(text.data(), 1, text.size(), f);
  VSIFCloseL(f);
}

// A ustar archive of regular files (name -> contents): GDAL reads tars but cannot write them.
void write_tar(const std::string& path,
               const std::vector<std::pair<std::string, std::string>>& files) {
  std::ofstream out(path, std::ios::binary);
  for (const auto& [name, text] : files) {
    char h[512] = {};
    std::snprintf(h, 100, "%s", name.c_str());
    std::snprintf(h + 100, 8, "%07o", 0644);
    std::snprintf(h + 108, 8, "%07o", 0);
    std::snprintf(h + 116, 8, "%07o", 0);
    std::snprintf(h + 124, 12, "%011o", static_cast<unsigned>(text.size()));
    std::snprintf(h + 136, 12, "%011o", 0);
    h[156] = '0';
    std::memcpy(h + 257,
                "ustar\0"
                "00",
                8);
    std::memset(h + 148, ' ', 8);  // the checksum counts its own field as spaces
    unsigned sum = 0;
    for (unsigned char c : h) sum += c;
    std::snprintf(h + 148, 8, "%06o", sum);
    out.write(h, 512);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    const size_t pad = (512 - text.size() % 512) % 512;
    out.write(std::string(pad, '\0').data(), static_cast<std::streamsize>(pad));
  }
  out.write(std::string(1024, '\0').data(), 1024);
}

std::vector<std::string> names(const std::vector<VsiEntry>& v) {
  std::vector<std::string> out;
  for (const VsiEntry& e : v) out.push_back(e.name + (e.is_dir ? "/" : ""));
  return out;
}

TEST(ArchiveListing, ZipIsBrowsedLikeAFolder) {
  faro_test::TempDir tmp;
  const std::string zip = tmp.file("datos.zip");
  write_vsi("/vsizip/" + zip + "/leeme.txt", "hola");
  write_vsi("/vsizip/" + zip + "/fgj/incidentes.csv", kCsv);
  EXPECT_TRUE(is_browsable_archive("datos.ZIP"));
  const std::string root = archive_root(zip);
  EXPECT_EQ(root, "/vsizip/" + zip);
  std::string err;
  const auto top = list_vsi_directory(root, &err);
  ASSERT_TRUE(top) << err;
  EXPECT_EQ(names(*top), (std::vector<std::string>{"fgj/", "leeme.txt"}));
  const auto inner = list_vsi_directory(root + "/fgj", &err);
  ASSERT_TRUE(inner) << err;
  ASSERT_EQ(inner->size(), 1u);
  EXPECT_EQ((*inner)[0].size, std::strlen(kCsv));  // uncompressed bytes
  // Up: inside the archive, then out of it to the folder that holds it.
  EXPECT_EQ(vsi_parent(root + "/fgj"), root);
  EXPECT_EQ(vsi_parent(root), tmp.path().string());
  EXPECT_EQ(archive_file_of(root + "/fgj/incidentes.csv"), zip);
  // The CSV inside the zip: previewed and found as the loader will find it.
  const std::string member = root + "/fgj/incidentes.csv";
  EXPECT_TRUE(source_exists(member));
  EXPECT_FALSE(source_exists(root + "/fgj/otro.csv"));
  const CsvPreview p = read_csv_preview(member);
  EXPECT_EQ(p.rows.size(), 2u);
  EXPECT_EQ(p.detected.x, 3);
  EXPECT_EQ(p.detected.y, 4);
  EXPECT_EQ(p.detected.date, 0);
  EXPECT_EQ(display_file_name(member), "incidentes.csv");
}

TEST(ArchiveListing, ZipHoldingOnlyAFolderIsListed) {
  // GDAL does not stat the root of such a zip as a folder: the listing must not depend on it.
  faro_test::TempDir tmp;
  const std::string zip = tmp.file("solo.zip");
  write_vsi("/vsizip/" + zip + "/2024/robos.csv", kCsv);
  std::string err;
  const auto top = list_vsi_directory(archive_root(zip), &err);
  ASSERT_TRUE(top) << err;
  EXPECT_EQ(names(*top), (std::vector<std::string>{"2024/"}));
  const auto empty_missing = list_vsi_directory(archive_root(zip) + "/2023", &err);
  EXPECT_FALSE(empty_missing);
}

TEST(ArchiveListing, TarAndTgzAreFoldersAGzipIsOneFile) {
  faro_test::TempDir tmp;
  const std::string tar = tmp.file("lote.tar");
  write_tar(tar, {{"sectores.geojson", "{}"}, {"a/b.csv", kCsv}});
  const auto top = list_vsi_directory(archive_root(tar));
  ASSERT_TRUE(top);
  EXPECT_EQ(names(*top), (std::vector<std::string>{"a/", "sectores.geojson"}));
  EXPECT_EQ(archive_root(tmp.file("x.tar.gz")).rfind("/vsitar/", 0), 0u);
  EXPECT_EQ(archive_root(tmp.file("x.tgz")).rfind("/vsitar/", 0), 0u);
  // A lone .gz is not browsed: it is one file, previewed through /vsigzip/.
  const std::string gz = tmp.file("incidentes.csv.gz");
  write_vsi("/vsigzip/" + gz, kCsv);
  EXPECT_FALSE(is_browsable_archive("incidentes.csv.gz"));
  EXPECT_EQ(archive_root(gz), "");
  const CsvPreview p = read_csv_preview(gz);
  EXPECT_EQ(p.header.size(), 5u);
  EXPECT_EQ(p.rows.size(), 2u);
  EXPECT_EQ(display_file_name("/vsigzip/" + gz), "incidentes.csv.gz");
  EXPECT_EQ(archive_file_of("/vsigzip/" + gz), gz);
  EXPECT_TRUE(source_exists("/vsigzip/" + gz));
}

TEST(ArchiveListing, UnreadableArchivesSayWhy) {
  faro_test::TempDir tmp;
  const std::string bad = tmp.write("roto.zip", "not a zip at all");
  std::string err;
  EXPECT_FALSE(list_vsi_directory(archive_root(bad), &err));
  EXPECT_FALSE(err.empty());
  // 7z needs GDAL 3.7 (/vsi7z/): older GDALs say so rather than "cannot read".
  bool has_7z = false;
  char** prefixes = VSIGetFileSystemsPrefixes();
  for (char** p = prefixes; p && *p; ++p) has_7z = has_7z || std::string(*p) == "/vsi7z/";
  CSLDestroy(prefixes);
  const std::string seven = tmp.write("x.7z", "nope");
  EXPECT_FALSE(list_vsi_directory(archive_root(seven), &err));
  if (!has_7z) {
    EXPECT_NE(err.find("GDAL 3.7"), std::string::npos) << err;
  }
  EXPECT_FALSE(source_exists(tmp.file("nada.csv")));
  EXPECT_TRUE(source_exists("PG:dbname=faro"));
  EXPECT_EQ(display_file_name("PG:dbname=faro host=x"), "PG:dbname=faro");
}

}  // namespace
}  // namespace faro::io

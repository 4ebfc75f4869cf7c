#include "render/evaluation_report.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <cctype>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "core/errors.hpp"
#include "io/atomic_file.hpp"
#include "io/gdal_env.hpp"
#include "render/evaluation_report_parts.hpp"

namespace faro::render {
namespace {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

void check_input(const EvaluationReportInput& in) {
  if (in.evaluation == nullptr || in.sectors == nullptr)
    throw UsageError("evaluation report: an evaluation and its sectors are required");
}

// Draws every page on `cr`; returns the pages drawn. `total` 0 = unknown (the dry run).
int draw_report(cairo_t* cr, const EvaluationReportInput& in, const ReportMasks& masks, int total,
                bool dry, EvaluationReportResult& result) {
  report::Pager pager(cr, in, masks, total, dry);
  // The map image at 2.5 pixels per point (180 dpi): sharp in print, as the brief's.
  const report::MapPanelResult map = report::draw_command_page(pager, in, masks, 2.5);
  if (!dry) {
    result.map_rendered = map.rendered;
    result.renderer = map.renderer;
    if (in.progress) in.progress(0.6);
  }
  report::draw_analyst_pages(pager, in, masks);
  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
    throw ResourceError(Resource::cairo, std::string("evaluation report: cairo error: ") +
                             cairo_status_to_string(cairo_status(cr)));
  return pager.pages();
}

}  // namespace

std::string report_source_name(const std::string& source) {
  if (source.empty()) return source;
  const std::filesystem::path p(io::redact_source(source));
  std::string name = p.filename().string();
  if (name.empty() || name == ".") name = p.parent_path().filename().string();  // "dir/"
  return name.empty() ? p.string() : name;
}

bool is_pdf_path(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".pdf";
}

EvaluationReportResult write_evaluation_report_pdf(const EvaluationReportInput& input,
                                                   const std::string& path) {
  check_input(input);
  DisclosurePolicy policy = input.policy;
  policy.partner_safe = !input.internal;
  const ReportMasks masks = report_masks(*input.evaluation, policy);
  EvaluationReportResult result;
  result.hidden_counts = masks.hidden;
  if (input.progress) input.progress(0.05);

  // A dry run on a scratch surface counts the pages ("Page 1 of N"); the map is not rendered.
  int total = 0;
  {
    std::unique_ptr<cairo_surface_t, SurfaceDeleter> scratch(
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1));
    std::unique_ptr<cairo_t, ContextDeleter> cr(cairo_create(scratch.get()));
    EvaluationReportResult ignored;
    total = draw_report(cr.get(), input, masks, 0, true, ignored);
  }

  io::AtomicOutput out(path);
  {
    std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(cairo_pdf_surface_create(
        out.temp_path().c_str(), kReportPageWidthPt, kReportPageHeightPt));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
      throw DataError(path + ": cannot create the PDF: " +
                      cairo_status_to_string(cairo_surface_status(surface.get())));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                   report::report_title(input).c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Faro");
    std::unique_ptr<cairo_t, ContextDeleter> cr(cairo_create(surface.get()));
    result.pages = draw_report(cr.get(), input, masks, total, false, result);
    cr.reset();
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
      throw DataError(path + ": cannot write the PDF: " +
                      cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  out.commit();
  if (input.progress) input.progress(1);
  return result;
}

}  // namespace faro::render

#include "app/export_job.hpp"

#include <exception>

#include "app/partner_ledger.hpp"
#include "app/partner_safe_view.hpp"
#include "app/session_map.hpp"
#include "core/errors.hpp"
#include "core/localized_error.hpp"
#include "io/png_writer.hpp"
#include "render/egl_context.hpp"

namespace faro::app {

ExportJob::ExportJob(SnapshotPtr snapshot, Session session, std::string path, int width,
                     int height, bool internal, std::optional<Box> view, double ui_scale)
    : snap_(std::move(snapshot)),
      session_(std::move(session)),
      path_(std::move(path)),
      width_(width),
      height_(height),
      internal_(internal),
      view_(view),
      ui_scale_(ui_scale),
      thread_([this] { run(); }) {}

ExportJob::~ExportJob() {
  if (thread_.joinable()) thread_.join();
}

void ExportJob::run() {
  try {
    // A partner map: the rules of what may be drawn, and the ledger (recorded before the file
    // is written; refused in words when it differs from a map given out by fewer than k).
    if (!internal_) {
      if (const auto problem = partner_filter_problem(session_.filter, session_.language))
        throw UsageError(*problem);
      record_partner_maps(*snap_->data, {partner_map_record(*snap_->data, session_.filter)},
                          session_.language, dashboard_policy().k);
    }
    // Its own context on this thread: the window's context stays current on the UI thread.
    render::EglContext context;
    SessionMapRequest request;
    request.width = width_;
    request.height = height_;
    request.internal = internal_;
    request.view = view_;
    request.ui_scale = ui_scale_;
    const render::MapSceneResult result =
        render_session_map(*snap_->data, snap_->filtered->rows, session_, request);
    io::write_png_rgba(path_, result.image.pixels, result.image.width, result.image.height);
  } catch (const std::exception& e) {
    error_ = path_ + ": " + error_text(e, session_.language);
  } catch (...) {
    error_ = path_ + ": unknown error";
  }
  done_.store(true);
}

}  // namespace faro::app

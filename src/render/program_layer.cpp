#include "render/program_layer.hpp"

#include <cmath>

#include "render/gl_state.hpp"
#include "render/polygon_mesh.hpp"

namespace faro::render {

std::vector<ProgramArea> program_areas(const std::vector<faro::Program>& programs,
                                       const SectorSet& sectors,
                                       std::optional<CivilSeconds> period_end) {
  std::vector<ProgramArea> out;
  for (size_t p = 0; p < programs.size(); ++p) {
    const faro::Program& prog = programs[p];
    auto active = [&](CivilSeconds start) { return !period_end || start < *period_end; };
    if (!prog.area.empty()) {
      CivilSeconds first = 0;
      bool any = false;
      for (const ProgramSector& s : prog.sectors)
        if (!any || s.start < first) first = s.start, any = true;
      out.push_back({p, &prog.area, first, active(first)});
      continue;
    }
    for (const ProgramSector& s : prog.sectors) {
      const auto idx = sectors.find(s.sector);
      if (!idx) continue;
      out.push_back({p, &sectors.sectors[*idx].shape, s.start, active(s.start)});
    }
  }
  return out;
}

Rgba8 program_color(size_t program) {
  static const Rgba8 kDark2[] = {{27, 158, 119, 255}, {217, 95, 2, 255},   {117, 112, 179, 255},
                                 {231, 41, 138, 255}, {102, 166, 30, 255}, {230, 171, 2, 255}};
  return kDark2[program % 6];
}

ProgramLayer::ProgramLayer(const std::vector<ProgramArea>& areas) : areas_(areas) {
  std::vector<const MultiPolygon*> shapes;
  Box extent;
  for (const ProgramArea& a : areas_) {
    shapes.push_back(a.shape);
    extent.expand(bounds(*a.shape));
  }
  origin_ = extent.empty() ? Vec2{0, 0}
                           : Vec2{std::round((extent.xmin + extent.xmax) / 2),
                                  std::round((extent.ymin + extent.ymax) / 2)};
  const PolygonMesh mesh = build_polygon_mesh(shapes, origin_);
  hatch_ = ShaderProgram::from_embedded("program_hatch.vert", "program_hatch.frag");

  // Interleaved x, y, r, g, b, a per fill vertex: the area's colour by state.
  std::vector<float> verts;
  verts.reserve(mesh.fill_vertices.size() * 6);
  for (const FillVertex& v : mesh.fill_vertices) {
    const ProgramArea& a = areas_[v.feature];
    const Rgba8 c = a.active ? program_color(a.program) : kProgramPendingColor;
    verts.insert(verts.end(),
                 {v.x, v.y, c.r / 255.f, c.g / 255.f, c.b / 255.f, a.active ? 0.85f : 0.6f});
  }
  index_count_ = mesh.fill_indices.size();
  {
    ScopedGlState saved;
    vao_ = VertexArray::create();
    vertices_ = Buffer::create();
    indices_ = Buffer::create();
    glBindVertexArray(vao_.id());
    glBindBuffer(GL_ARRAY_BUFFER, vertices_.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(verts.size() * sizeof(float)),
                 verts.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_.id());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                 static_cast<GLsizeiptr>(mesh.fill_indices.size() * sizeof(uint32_t)),
                 mesh.fill_indices.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 6 * sizeof(float), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 6 * sizeof(float),
                          reinterpret_cast<const void*>(2 * sizeof(float)));
    glBindVertexArray(0);
    check_gl("ProgramLayer upload");
  }
  outlines_.emplace(mesh);
  std::vector<Rgba8> none(areas_.size(), Rgba8{0, 0, 0, 0});
  outlines_->set_fill_colors(none);
  outlines_->set_outline({{0, 0, 0, 0}, 0.0f});
}

void ProgramLayer::draw(const FrameContext& frame) {
  if (areas_.empty()) return;
  {
    ScopedGlState saved;
    hatch_.use();
    hatch_.set("u_view", frame.camera.view_matrix(origin_));
    const float scale = std::max(1.0f, frame.tile.full_height / 1080.0f);
    hatch_.set("u_spacing_px", 10.0f * scale);
    hatch_.set("u_stripe_px", 2.5f * scale);
    hatch_.set("u_tint", 0.12f);
    // GL window y is up within the tile; offset by the tile's distance from the image bottom.
    const float tile_bottom =
        static_cast<float>(frame.tile.full_height - (frame.tile.y + frame.tile.height));
    hatch_.set("u_offset_px", std::array<float, 2>{static_cast<float>(frame.tile.x), tile_bottom});
    glBindVertexArray(vao_.id());
    glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(index_count_), GL_UNSIGNED_INT, nullptr);
  }
  const float scale = std::max(1.0f, frame.tile.full_height / 1080.0f);
  for (size_t i = 0; i < areas_.size(); ++i) {
    const ProgramArea& a = areas_[i];
    OutlineStyle style;
    style.color = a.active ? program_color(a.program) : kProgramPendingColor;
    style.width_px = (a.active ? 3.0f : 1.5f) * scale;
    outlines_->draw_feature_outline(frame, i, style);
  }
}

}  // namespace faro::render

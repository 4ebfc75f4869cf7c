#pragma once
// Saves the GL state the map renderer touches and restores it on scope exit, so map drawing can
// run inside someone else's frame (the ImGui backend does the same around its draw lists).
// Covers: blend enable/functions/equations, viewport, scissor, depth/cull/stencil enables, bound
// draw/read framebuffers, program, vertex array, array buffer, active texture unit and the 2D and
// buffer textures bound on units 0 and 1. Anything else a layer changes it must restore itself.
#include "render/gl.hpp"

namespace faro::render {

class ScopedGlState {
 public:
  ScopedGlState() {
    blend_ = glIsEnabled(GL_BLEND);
    scissor_test_ = glIsEnabled(GL_SCISSOR_TEST);
    depth_test_ = glIsEnabled(GL_DEPTH_TEST);
    cull_face_ = glIsEnabled(GL_CULL_FACE);
    stencil_test_ = glIsEnabled(GL_STENCIL_TEST);
    glGetIntegerv(GL_BLEND_SRC_RGB, &blend_src_rgb_);
    glGetIntegerv(GL_BLEND_DST_RGB, &blend_dst_rgb_);
    glGetIntegerv(GL_BLEND_SRC_ALPHA, &blend_src_alpha_);
    glGetIntegerv(GL_BLEND_DST_ALPHA, &blend_dst_alpha_);
    glGetIntegerv(GL_BLEND_EQUATION_RGB, &blend_eq_rgb_);
    glGetIntegerv(GL_BLEND_EQUATION_ALPHA, &blend_eq_alpha_);
    glGetIntegerv(GL_VIEWPORT, viewport_);
    glGetIntegerv(GL_SCISSOR_BOX, scissor_box_);
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw_fbo_);
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_fbo_);
    glGetIntegerv(GL_CURRENT_PROGRAM, &program_);
    glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vao_);
    glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &array_buffer_);
    glGetIntegerv(GL_ACTIVE_TEXTURE, &active_texture_);
    for (int unit = 0; unit < kUnits; ++unit) {
      glActiveTexture(GL_TEXTURE0 + unit);
      glGetIntegerv(GL_TEXTURE_BINDING_2D, &texture_2d_[unit]);
      glGetIntegerv(GL_TEXTURE_BINDING_BUFFER, &texture_buffer_[unit]);
    }
    glActiveTexture(static_cast<GLenum>(active_texture_));
  }

  ~ScopedGlState() {
    set_enabled(GL_BLEND, blend_);
    set_enabled(GL_SCISSOR_TEST, scissor_test_);
    set_enabled(GL_DEPTH_TEST, depth_test_);
    set_enabled(GL_CULL_FACE, cull_face_);
    set_enabled(GL_STENCIL_TEST, stencil_test_);
    glBlendFuncSeparate(blend_src_rgb_, blend_dst_rgb_, blend_src_alpha_, blend_dst_alpha_);
    glBlendEquationSeparate(blend_eq_rgb_, blend_eq_alpha_);
    glViewport(viewport_[0], viewport_[1], viewport_[2], viewport_[3]);
    glScissor(scissor_box_[0], scissor_box_[1], scissor_box_[2], scissor_box_[3]);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, draw_fbo_);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, read_fbo_);
    glUseProgram(program_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, array_buffer_);
    for (int unit = 0; unit < kUnits; ++unit) {
      glActiveTexture(GL_TEXTURE0 + unit);
      glBindTexture(GL_TEXTURE_2D, texture_2d_[unit]);
      glBindTexture(GL_TEXTURE_BUFFER, texture_buffer_[unit]);
    }
    glActiveTexture(static_cast<GLenum>(active_texture_));
  }

  ScopedGlState(const ScopedGlState&) = delete;
  ScopedGlState& operator=(const ScopedGlState&) = delete;

 private:
  static constexpr int kUnits = 2;  // the units layers use (0: data, 1: colour ramp)
  static void set_enabled(GLenum cap, GLboolean on) { on ? glEnable(cap) : glDisable(cap); }

  GLboolean blend_, scissor_test_, depth_test_, cull_face_, stencil_test_;
  GLint blend_src_rgb_, blend_dst_rgb_, blend_src_alpha_, blend_dst_alpha_;
  GLint blend_eq_rgb_, blend_eq_alpha_;
  GLint viewport_[4], scissor_box_[4];
  GLint draw_fbo_, read_fbo_, program_, vao_, array_buffer_, active_texture_;
  GLint texture_2d_[kUnits], texture_buffer_[kUnits];
};

}  // namespace faro::render

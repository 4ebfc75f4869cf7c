#version 330 core
// Linear binning of incidents into an R32F grid: every point is a 2x2-pixel GL_POINT centred on
// its position, which covers exactly the four cell centres around it; kde_bin.frag gives each its
// bilinear share, so the four shares sum to the point's weight.
layout(location = 0) in vec2 a_cell;   // position in cells from the target's top-left corner
layout(location = 1) in float a_weight;

uniform vec2 u_size;  // target width, height in cells
flat out vec2 v_gl_pos;  // position in GL window pixels (y up)
flat out float v_weight;

void main() {
  v_gl_pos = vec2(a_cell.x, u_size.y - a_cell.y);
  v_weight = a_weight;
  gl_Position = vec4(2.0 * v_gl_pos / u_size - 1.0, 0.0, 1.0);
  gl_PointSize = 2.0;
}

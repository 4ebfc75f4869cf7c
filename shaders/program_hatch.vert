#version 330 core
// Program areas: the triangulated fill with a per-vertex colour (straight alpha) that
// program_hatch.frag turns into diagonal stripes fixed in screen space.
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec4 a_color;
uniform mat3 u_view;
out vec4 v_color;

void main() {
  vec3 p = u_view * vec3(a_position, 1.0);
  gl_Position = vec4(p.xy, 0.0, 1.0);
  v_color = a_color;
}

#version 330 core
// The density grid as one textured quad over the grid's extent. Positions are metres from the
// layer's local origin (see solid_fill.vert); a_uv (0,0) is the grid's north-west corner, because
// the density texture's first row is the grid's northmost row.
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_uv;

uniform mat3 u_view;
out vec2 v_uv;

void main() {
  vec3 p = u_view * vec3(a_position, 1.0);
  gl_Position = vec4(p.xy, 0.0, 1.0);
  v_uv = a_uv;
}

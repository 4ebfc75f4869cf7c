#version 330 core
// Basemap: one textured quad over the box the image was warped into. Positions are float offsets
// (metres) from the layer origin, like every other layer, so tiles and zoom need no new geometry.
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_uv;

uniform mat3 u_view;

out vec2 v_uv;

void main() {
  vec3 p = u_view * vec3(a_position, 1.0);
  gl_Position = vec4(p.xy, 0.0, 1.0);
  v_uv = a_uv;
}

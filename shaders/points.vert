#version 330 core
// Incidents as round GL_POINTs of a fixed size in pixels, coloured by category code through a
// small palette (code % 8). Positions are metres from the layer's local origin.
layout(location = 0) in vec2 a_position;
layout(location = 1) in uint a_category;

uniform mat3 u_view;
uniform float u_size_px;
uniform vec4 u_palette[8];  // straight alpha
out vec4 v_color;

void main() {
  vec3 p = u_view * vec3(a_position, 1.0);
  gl_Position = vec4(p.xy, 0.0, 1.0);
  gl_PointSize = u_size_px;
  v_color = u_palette[int(a_category % 8u)];
}

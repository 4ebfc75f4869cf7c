#version 330 core
// One basemap tile (render/basemap_tile_layer.hpp): a unit quad placed on the tile's box and
// textured from a part of a cached tile (the tile itself, or a coarser one standing in for it).
// Corners are chosen, not interpolated, so neighbouring tiles share their edges exactly.
layout(location = 0) in vec2 a_corner;  // (0 | 1, 0 | 1): x east, y north

uniform mat3 u_view;
uniform vec4 u_box;  // xmin, ymin, xmax, ymax: metres from the layer origin
uniform vec4 u_uv;   // u0, v0, u1, v1 of the texture (v0 = the north edge)

out vec2 v_uv;

void main() {
  vec2 p = vec2(a_corner.x < 0.5 ? u_box.x : u_box.z, a_corner.y < 0.5 ? u_box.y : u_box.w);
  vec3 ndc = u_view * vec3(p, 1.0);
  gl_Position = vec4(ndc.xy, 0.0, 1.0);
  v_uv = vec2(a_corner.x < 0.5 ? u_uv.x : u_uv.z, a_corner.y < 0.5 ? u_uv.w : u_uv.y);
}

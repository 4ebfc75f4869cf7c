#version 330 core
// Incidents as instanced screen-aligned quads: one instance per incident (position in metres from
// the layer's local origin, straight-alpha colour), four vertices per instance generated from
// gl_VertexID as a triangle strip. The quad is `u_size_px` + 2 pixels wide, so the dot's one-pixel
// soft edge fits, whatever the driver's GL_POINT_SIZE_RANGE limit.
layout(location = 0) in vec2 a_position;  // per instance
layout(location = 1) in vec4 a_color;     // per instance, normalized RGBA8, straight alpha

uniform mat3 u_view;
uniform float u_size_px;    // dot diameter in pixels
uniform vec2 u_viewport_px; // width, height of the tile being drawn
out vec4 v_color;
out vec2 v_offset_px;       // fragment's offset from the dot centre, in pixels

void main() {
  vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1)) * 2.0 - 1.0;
  float half_extent = 0.5 * u_size_px + 1.0;
  vec3 p = u_view * vec3(a_position, 1.0);
  v_offset_px = corner * half_extent;
  // Pixels to clip space: 2 / viewport per pixel.
  gl_Position = vec4(p.xy + v_offset_px * 2.0 / u_viewport_px, 0.0, 1.0);
  v_color = a_color;
}

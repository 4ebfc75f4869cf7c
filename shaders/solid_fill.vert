#version 330 core
// Polygon fills. Positions are float offsets (metres) from the layer's local origin; u_view
// (Camera::view_matrix, computed in double) takes them to clip space. Each vertex carries the index
// of its feature, whose straight-alpha colour is looked up in a buffer texture, so recolouring a
// choropleth uploads one colour per feature and never touches the geometry.
layout(location = 0) in vec2 a_position;
layout(location = 1) in uint a_feature;

uniform mat3 u_view;
uniform samplerBuffer u_feature_colors;  // RGBA8, one texel per feature
uniform float u_opacity;                 // layer opacity, multiplies alpha

out vec4 v_color;

void main() {
  vec3 p = u_view * vec3(a_position, 1.0);
  gl_Position = vec4(p.xy, 0.0, 1.0);
  vec4 c = texelFetch(u_feature_colors, int(a_feature));
  v_color = vec4(c.rgb, c.a * u_opacity);
}

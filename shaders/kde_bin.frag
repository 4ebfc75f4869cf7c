#version 330 core
flat in vec2 v_gl_pos;
flat in float v_weight;
layout(location = 0) out vec4 frag_value;

void main() {
  vec2 d = abs(gl_FragCoord.xy - v_gl_pos);
  vec2 w = max(vec2(0.0), 1.0 - d);
  frag_value = vec4(v_weight * w.x * w.y, 0.0, 0.0, 0.0);  // summed by additive blending
}

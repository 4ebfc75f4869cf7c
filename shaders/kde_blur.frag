#version 330 core
// One separable pass of the gaussian KDE: out(x) = sum_k w[k] in(x + k * u_dir), k = -R..R, with
// the 1-D weights (sampled kernel, normalised to sum 1) in a (2R+1) x 1 R32F texture. Texels
// outside the grid count as zero (the binning target is padded by R, so no mass is lost).
uniform sampler2D u_input;
uniform sampler2D u_weights;
uniform ivec2 u_dir;
uniform int u_radius;
uniform float u_scale;  // applied to the sum (1 on the first pass; units on the last)
layout(location = 0) out vec4 frag_value;

void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  ivec2 size = textureSize(u_input, 0);
  float sum = 0.0;
  for (int k = -u_radius; k <= u_radius; ++k) {
    ivec2 q = p + k * u_dir;
    if (q.x < 0 || q.y < 0 || q.x >= size.x || q.y >= size.y) continue;
    sum += texelFetch(u_weights, ivec2(k + u_radius, 0), 0).r * texelFetch(u_input, q, 0).r;
  }
  frag_value = vec4(sum * u_scale, 0.0, 0.0, 0.0);
}

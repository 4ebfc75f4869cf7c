#version 330 core
// The quartic KDE in one 2-D pass (the kernel is not separable): out(p) = sum over the disk of
// w[k] in(p + k), with the sampled kernel (normalised to sum 1) in a (2R+1) x (2R+1) R32F texture
// whose zero entries outside the support radius are skipped. Texels outside the grid count as zero.
uniform sampler2D u_input;
uniform sampler2D u_weights;
uniform int u_radius;
uniform float u_scale;
layout(location = 0) out vec4 frag_value;

void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  ivec2 size = textureSize(u_input, 0);
  float sum = 0.0;
  for (int dy = -u_radius; dy <= u_radius; ++dy) {
    int y = p.y + dy;
    if (y < 0 || y >= size.y) continue;
    for (int dx = -u_radius; dx <= u_radius; ++dx) {
      int x = p.x + dx;
      if (x < 0 || x >= size.x) continue;
      float w = texelFetch(u_weights, ivec2(dx + u_radius, dy + u_radius), 0).r;
      if (w > 0.0) sum += w * texelFetch(u_input, ivec2(x, y), 0).r;
    }
  }
  frag_value = vec4(sum * u_scale, 0.0, 0.0, 0.0);
}

// Map colour targets hold premultiplied alpha (render/offscreen_target.hpp): every layer's
// fragment shader outputs premultiply(straight colour) and blends with (GL_ONE, GL_ONE_MINUS_SRC_ALPHA).
vec4 premultiply(vec4 c) { return vec4(c.rgb * c.a, c.a); }

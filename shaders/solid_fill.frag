#version 330 core
#include "premultiply.glsl"

in vec4 v_color;
layout(location = 0) out vec4 frag_color;

void main() { frag_color = premultiply(v_color); }

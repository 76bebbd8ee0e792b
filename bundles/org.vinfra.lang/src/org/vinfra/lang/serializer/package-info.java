/** How models are written back as text: the serializer's choices about values left at their defaults. */
package org.vinfra.lang.serializer;

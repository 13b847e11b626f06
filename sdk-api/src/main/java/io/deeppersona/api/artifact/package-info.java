/** Versioned model artifacts: the manifest, its file entries, and the payload reader and writer providers use. */
package io.deeppersona.api.artifact;

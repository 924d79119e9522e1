/** Progress reporting for long work: the pipeline reports, the command line shows bars. */
package io.gvgap.core.progress;

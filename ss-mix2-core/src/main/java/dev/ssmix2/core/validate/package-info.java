/** Storage validation: {@link dev.ssmix2.core.validate.Validator} and findings with stable codes. */
@NullMarked
package dev.ssmix2.core.validate;

import org.jspecify.annotations.NullMarked;

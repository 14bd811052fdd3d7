/** PostgreSQL storage of the domain: JPA entities, repositories, adapters and read models. */
@NullMarked
package org.unstuck.persistence;

import org.jspecify.annotations.NullMarked;

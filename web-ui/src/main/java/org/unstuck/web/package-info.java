/** The Unstuck application: security, application services and Vaadin views, one package per feature. */
@NullMarked
package org.unstuck.web;

import org.jspecify.annotations.NullMarked;

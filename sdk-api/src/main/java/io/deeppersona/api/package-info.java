/**
 * Value types of the SDK: events, items, customers, event logs, features and recommendations. Records validate
 * in their constructors and are immutable.
 */
package io.deeppersona.api;

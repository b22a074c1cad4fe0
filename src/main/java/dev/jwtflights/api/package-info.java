/**
 * The API's plumbing, shared by every API module: which paths are the API ({@link dev.jwtflights.api.ApiPaths}), RFC
 * 9457 problem details for its errors, the 16 KB request-body limit, strict JSON, and the OpenAPI description with
 * Swagger UI and their public filter chain. Offers {@code ApiPaths} and the {@code ApiProblem} schema.
 */
package dev.jwtflights.api;

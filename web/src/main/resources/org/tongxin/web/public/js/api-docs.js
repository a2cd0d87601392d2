// Swagger UI over the server's own OpenAPI description (kept in a file: the CSP allows no inline script).
window.SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger', deepLinking: true });

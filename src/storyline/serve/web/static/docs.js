// Swagger UI over our own OpenAPI document; no validator badge (it would call an outside server).
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", validatorUrl: null, deepLinking: true });

// The API docs at /docs: the vendored Swagger UI over this server's OpenAPI description. A file rather than an
// inline script, so that the content security policy can refuse every inline script.
(function () {
  const root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    dom_id: "#swagger-ui",
    layout: "BaseLayout",
    presets: [SwaggerUIBundle.presets.apis],
    deepLinking: true,
    validatorUrl: null, // the default asks validator.swagger.io about the description
  });
})();

using Google.Protobuf.Reflection;
using Hezhou.Exchange.Server.Security;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.OpenApi.Models;

namespace Hezhou.Exchange.Server.Rest;

/// <summary>
/// The REST API: the auditor read methods and the statistics, transcoded from their google.api.http annotations in
/// audit_service.proto to JSON over HTTP/1.1 or HTTP/2. The calls go through the same interceptors as gRPC calls, so
/// the same API keys, permissions, purposes, access log and masking apply. Its OpenAPI document is served at
/// <see cref="DocumentPath"/>.
/// </summary>
public static class RestApi
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>
    /// JSON as the proto3 JSON mapping writes it (lowerCamelCase names, enums by name, 64-bit integers as strings),
    /// so REST and gRPC clients read the same text; fields with default values are written too. An error is the
    /// google.rpc.Status as JSON, with the same details (ErrorInfo, BadRequest, ...) a gRPC client gets.
    /// </summary>
    public static void ConfigureJson(GrpcJsonTranscodingOptions options)
    {
        options.TypeRegistry = TypeRegistry.FromFiles(Google.Rpc.ErrorDetailsReflection.Descriptor);
        options.JsonSettings.WriteInt64sAsStrings = true;
        options.JsonSettings.WriteEnumsAsIntegers = false;
        options.JsonSettings.IgnoreDefaultValues = false;
    }

    public static IServiceCollection AddRestApiDocument(this IServiceCollection services)
    {
        services.AddGrpcSwagger();
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Hezhou.Exchange REST API",
                Version = DocumentName,
                Description = "The auditor read methods and the statistics of hezhou.exchange.v1.AuditService, " +
                    "transcoded from gRPC. Authenticate with the x-api-key header. Citizen IDs are masked unless " +
                    "the key holds the personal-data scope; reads of personal data take a purpose query parameter.",
            });
            var comments = Path.Combine(AppContext.BaseDirectory, "Hezhou.Exchange.Contracts.xml");
            if (File.Exists(comments))
            {
                swagger.IncludeXmlComments(comments);
                swagger.IncludeGrpcXmlComments(comments, includeControllerXmlComments: true);
            }
            var apiKey = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "The caller's API key.",
                Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "ApiKey" },
            };
            swagger.AddSecurityDefinition("ApiKey", apiKey);
            swagger.AddSecurityRequirement(new OpenApiSecurityRequirement { [apiKey] = [] });
        });
        return services;
    }

    /// <summary>Serves the OpenAPI document (the public schema, like gRPC reflection: no key needed).</summary>
    public static void MapRestApiDocument(this WebApplication app) =>
        app.UseSwagger(options => options.RouteTemplate = "openapi/{documentName}.json");
}

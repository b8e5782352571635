using Microsoft.Extensions.FileProviders;

namespace TuyenGiao.Api.WebUi;

/// <summary>
/// The web UI at /ui: static files compiled into this assembly (WebUi/Assets), which call the same API as everyone
/// else with the user's token. Served before authentication, as the files hold no data: every figure they show comes
/// from an API call that checks the caller.
/// </summary>
public static class WebUiSetup
{
    public const string Path = "/ui";

    public static void UseTuyenGiaoWebUi(this WebApplication app)
    {
        var files = new ManifestEmbeddedFileProvider(typeof(WebUiSetup).Assembly, "WebUi/Assets");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Path });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = Path,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                // The files change with the Api: always revalidate. Nothing but this origin may be loaded or called.
                headers.CacheControl = "no-cache";
                headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
                headers.XContentTypeOptions = "nosniff";
            },
        });
    }

    public static void MapTuyenGiaoWebUi(this IEndpointRouteBuilder app) =>
        app.MapGet("/", () => Results.Redirect(Path + "/")).AllowAnonymous().ExcludeFromDescription();
}

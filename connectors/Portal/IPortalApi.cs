using Refit;

namespace Pipeline.Connectors.Portal;

/// <summary>
/// The portal's one public gateway (CONTRACT.md): every service is a POST of <c>params=&lt;JSON&gt;</c> as a form.
/// The headers are the ones a browser's XHR sends, which the gateway expects of its callers. Returns the raw
/// response: the connector lands the bytes as received.
/// </summary>
[Headers("X-Requested-With: XMLHttpRequest", "Accept: application/json, text/javascript, */*; q=0.01")]
public interface IPortalApi
{
    [Post("/jsp/rest.jsp")]
    Task<HttpResponseMessage> CallAsync(
        [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        CancellationToken cancellationToken);
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Pipeline.Host.Tests.Support;

/// <summary>Requests to a test host as a configured user (HTTP Basic), as a browser or a script would send them.</summary>
internal static class SignedIn
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string user, string password, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string user, string password) =>
        SendAsync(client, HttpMethod.Get, path, user, password);
}

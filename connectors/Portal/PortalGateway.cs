using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Intake;
using Pipeline.Intake.Http;
using Pipeline.Intake.PersonalData;

namespace Pipeline.Connectors.Portal;

/// <summary>
/// One call to the gateway: posts the params, reads the bytes as received, and refuses them whole when they carry
/// personal data, before anything is parsed out of them.
/// </summary>
internal sealed class PortalGateway(IPortalApi api, TimeProvider clock)
{
    public async Task<FetchedPayload> FetchAsync(IIntakeSession session, string stream, JsonObject parameters, CancellationToken cancellationToken)
    {
        var json = parameters.ToJsonString();
        var request = $"POST /jsp/rest.jsp params={json}";
        using var response = await api.CallAsync(new Dictionary<string, string> { ["params"] = json }, cancellationToken);
        var payload = await SourceResponse.ReadAsync(response, stream, request, clock, cancellationToken);

        string? finding;
        try
        {
            finding = PersonalDataGuard.FindInJson(payload.Content);
        }
        catch (JsonException e)
        {
            throw new SourceFormatException($"portal answered {request} with a body that is not JSON ({e.Message})");
        }

        if (finding is not null)
        {
            await PersonalDataRefusal.RefuseAsync(session, payload, finding, cancellationToken);
        }

        return payload;
    }
}

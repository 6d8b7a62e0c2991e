namespace Pipeline.Intake.PersonalData;

/// <summary>What a connector does when <see cref="PersonalDataGuard"/> finds an identifier in a payload.</summary>
public static class PersonalDataRefusal
{
    /// <summary>
    /// Records the refusal (request, size, where the identifier was; never the content) and fails the run. The
    /// cursor stays before the refused page, so nothing after it is skipped once the source fixes its feed.
    /// </summary>
    public static async Task RefuseAsync(IIntakeSession session, FetchedPayload payload, string finding, CancellationToken cancellationToken)
    {
        await session.RecordRejectedPayloadAsync(payload.Stream, payload.Request, payload.Content.Length, finding, cancellationToken);
        throw new PersonalDataRejectedException(
            $"{session.Source.Name}: payload of {payload.Request} refused whole, nothing of it stored: {finding}");
    }
}

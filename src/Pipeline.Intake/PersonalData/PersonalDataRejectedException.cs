namespace Pipeline.Intake.PersonalData;

/// <summary>
/// Thrown after a payload carrying personal data was refused and the refusal recorded: the run fails, because
/// the source is sending what it must not, and an operator has to take it up with the source's owner.
/// </summary>
public sealed class PersonalDataRejectedException(string message) : Exception(message);

namespace TuyenGiao.PersonalData;

/// <param name="Examined">Data keys looked at.</param>
/// <param name="Rewrapped">Of them, moved from a retired master key to the current one.</param>
/// <param name="Unreadable">Of them, wrapped bytes that did not open (altered in the table): left as they are, their texts read as erased.</param>
public sealed record RewrapReport(long Examined, long Rewrapped, long Unreadable);

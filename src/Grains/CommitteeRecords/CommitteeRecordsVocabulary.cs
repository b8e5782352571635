namespace TuyenGiao.CommitteeRecords;

/// <summary>Giấy khen, bằng khen, thư khen.</summary>
public enum CommendationForm
{
    /// <summary>Giấy khen.</summary>
    Certificate,
    /// <summary>Bằng khen.</summary>
    MeritCertificate,
    /// <summary>Thư khen.</summary>
    Letter,
}

/// <summary>The level of whoever awarded a commendation: the Prime Minister is central, a provincial secretary is province.</summary>
public enum AwardingLevel
{
    Central,
    Province,
    District,
    Grassroots,
}

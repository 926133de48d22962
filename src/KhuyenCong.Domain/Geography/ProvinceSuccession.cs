using KhuyenCong.Domain.Common;

namespace KhuyenCong.Domain.Geography;

/// <summary>A predecessor link: <see cref="Predecessor"/> became part of <see cref="Successor"/> on <see cref="EffectiveDate"/>.</summary>
public sealed class ProvinceSuccession : IAudited
{
    public int Id { get; set; }

    public int PredecessorId { get; set; }

    public Province? Predecessor { get; set; }

    public int SuccessorId { get; set; }

    public Province? Successor { get; set; }

    public DateOnly EffectiveDate { get; set; }
}

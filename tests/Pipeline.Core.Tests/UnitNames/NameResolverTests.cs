using Pipeline.Core.ReferenceData;
using Pipeline.Core.Tests.Support;
using Pipeline.Core.Units;
using Pipeline.Core.Units.Names;

namespace Pipeline.Core.Tests.UnitNames;

public sealed class NameResolverTests
{
    private static readonly Lazy<AdminUnitSet> Units = new(() => AdminUnitFiles.Read(AdminUnitsCopy.Original));
    private static readonly Lazy<NameResolver> Era2024 = new(() => new NameResolver(Era.Y2024, Units.Value.Units2024));
    private static readonly Lazy<NameResolver> Era2025 = new(() => new NameResolver(Era.Y2025, Units.Value.Units2025));

    [Theory]
    [InlineData("Tỉnh Quảng Ngãi", "Huyện Tư Nghĩa", "Xã Nghĩa Phương", "21283")]
    [InlineData("Tỉnh Bắc Giang", "Huyện Lục Nam", "Xã Nghĩa Phương", "07486")]
    [InlineData("T. Quảng Ngãi", "H. Tư Nghĩa", "X. Nghĩa Phương", "21283")]
    [InlineData("Quảng Ngãi", "Tư Nghĩa", "nghĩa  phương", "21283")]
    [InlineData("Tỉnh Quảng Ngãi", "", "Xã Nghĩa Phương", "21283")]
    [InlineData("TP Hà Nội", "H. Sóc Sơn", "TT. Sóc Sơn", "00376")]
    [InlineData("Thành phố Hà Nội", "Huyện Gia Lâm", "TT Yên Viên", "00526")]
    [InlineData("Thành phố Hà Nội", "Huyện Gia Lâm", "X.Yên Viên", "00532")]
    [InlineData("Tỉnh Quảng Trị", "Thành phố Đông Hà", "Phường 01", "19333")]
    [InlineData("Tỉnh Quảng Trị", "TP Đông Hà", "P. 1", "19333")]
    [InlineData("Tỉnh Đắk Lắk", "Huyện Ea H'Leo", "Thị trấn Ea Drăng", "24181")]
    [InlineData("Tinh Dak Lak", "Huyen Ea H' leo", "Thi tran Ea Drang", "24181")]
    [InlineData("Tỉnh Đăk Lăk", "huyện ea h’leo", "TT. Ea Đrăng", "24181")]
    [InlineData("Tỉnh Đắk Lắk", "Huyện Ea H'Leo", "Thị trấn Ea Sup", null)]
    public void Era2024_NamesAsSystemsWriteThem_ResolveWithinTheirDistrict(string province, string district, string commune, string? code)
    {
        var result = Era2024.Value.Resolve(province, district, commune);

        // null: a name that is not in the district stays unmatched; nothing is guessed from elsewhere.
        Assert.Equal((code is null ? NameStatus.Unmatched : NameStatus.Matched, code), (result.Status, result.Code));
    }

    [Fact]
    public void HoaAndHoa_WithEitherTonePlacement_AreTheSameName()
    {
        // The files write "Hoà" (old placement); feeds often write "Hòa".
        Assert.Equal(UnitName.Parse("Huyện Hạ Hoà", UnitLevel.District).Exact, UnitName.Parse("huyện hạ hòa", UnitLevel.District).Exact);
        var byNewPlacement = Era2024.Value.Resolve("Tỉnh Hòa Bình", "Huyện Lạc Thủy", "Thị trấn Chi Nê");
        var byFileSpelling = Era2024.Value.Resolve("Tỉnh Hoà Bình", "Huyện Lạc Thủy", "Thị trấn Chi Nê");

        Assert.Equal(NameStatus.Matched, byNewPlacement.Status);
        Assert.Equal(byFileSpelling.Code, byNewPlacement.Code);
    }

    [Fact]
    public void ANameThatFitsTwoUnits_IsAmbiguous_ListingBoth()
    {
        var withoutType = Era2024.Value.Resolve("Thành phố Hà Nội", "Huyện Gia Lâm", "Yên Viên");
        var withoutDiacritics = Era2025.Value.Resolve("Tinh Thai Nguyen", null, "Xa Van Lang");

        Assert.Equal((NameStatus.Ambiguous, (string?)null), (withoutType.Status, withoutType.Code));
        Assert.Equal(["00526", "00532"], withoutType.Candidates);
        Assert.Equal(NameStatus.Ambiguous, withoutDiacritics.Status);
        Assert.Equal(["02143", "05665"], withoutDiacritics.Candidates);
    }

    [Fact]
    public void TheRightDiacritics_PickOneOfTwoNamesThatDifferOnlyByThem()
    {
        Assert.Equal("02143", Era2025.Value.Resolve("Tỉnh Thái Nguyên", null, "Xã Văn Lang").Code);
        Assert.Equal("05665", Era2025.Value.Resolve("Tỉnh Thái Nguyên", null, "Xã Văn Lăng").Code);
    }

    [Fact]
    public void NamesAreNeverMatchedAcrossProvinces()
    {
        // Xã Nghĩa Phương exists in Quảng Ngãi (2024) but not in Hà Nội.
        var result = Era2024.Value.Resolve("Thành phố Hà Nội", "", "Xã Nghĩa Phương");

        Assert.Equal(NameStatus.Unmatched, result.Status);
        Assert.Empty(result.Candidates);
    }

    [Theory]
    [InlineData(Era.Y2024)]
    [InlineData(Era.Y2025)]
    public void EveryCommune_ResolvesToItself_ByItsOwnNames_OrIsAmbiguousWithItself(Era era)
    {
        var units = era == Era.Y2024 ? Units.Value.Units2024 : Units.Value.Units2025;
        var byCode = units.ToDictionary(u => u.Code);
        var resolver = era == Era.Y2024 ? Era2024.Value : Era2025.Value;
        var wrong = new List<string>();
        foreach (var commune in units.Where(u => u.Level == UnitLevel.Commune))
        {
            var district = commune.DistrictCode is { } d ? byCode[d].Name : null;
            var result = resolver.Resolve(byCode[commune.ProvinceCode].Name, district, commune.Name);
            if (result.Code != commune.Code)
            {
                wrong.Add($"{commune.Code} {commune.Name}: {result.Status} {string.Join(';', result.Candidates)}");
            }
        }

        Assert.Empty(wrong);
    }
}

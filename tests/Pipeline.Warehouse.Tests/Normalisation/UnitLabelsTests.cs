using Pipeline.Intake;
using Pipeline.Normalisation;

namespace Pipeline.Warehouse.Tests.Normalisation;

public sealed class UnitLabelsTests
{
    [Theory]
    [InlineData(UnitLabelShape.CommuneDashProvince, "UBND phường Ba Đình - thành phố Hà Nội", "thành phố Hà Nội", "phường Ba Đình", null)]
    [InlineData(UnitLabelShape.CommuneDashProvince, "UBND Xã Vĩnh An - Tỉnh An Giang", "Tỉnh An Giang", "Xã Vĩnh An", null)]
    [InlineData(UnitLabelShape.CommuneCommaProvince, "Phường Ba Đình, Thành phố Hà Nội", "Thành phố Hà Nội", "Phường Ba Đình", null)]
    [InlineData(UnitLabelShape.FacilityInCommune, "Trạm Y tế xã Hòa Bình | 29830", null, null, "29830")]
    public void Labels_AreReadByTheShapeTheSourceDeclares(UnitLabelShape shape, string label, string? province, string? commune, string? code)
    {
        Assert.Equal(new LabelReading(province, commune, code), UnitLabels.Read(shape, label));
    }

    [Theory]
    [InlineData(UnitLabelShape.CommuneDashProvince, "UBND phường Ba Đình")]
    [InlineData(UnitLabelShape.FacilityInCommune, "Trạm Y tế xã Hòa Bình |")]
    [InlineData(UnitLabelShape.None, "Phường Ba Đình, Thành phố Hà Nội")]
    [InlineData(UnitLabelShape.CommuneCommaProvince, "")]
    public void LabelsWithoutTheShape_AreNotRead(UnitLabelShape shape, string label)
    {
        Assert.Null(UnitLabels.Read(shape, label));
    }
}

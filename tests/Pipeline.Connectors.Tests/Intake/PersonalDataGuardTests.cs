using System.Text;
using Pipeline.Intake.PersonalData;

namespace Pipeline.Connectors.Tests.Intake;

public sealed class PersonalDataGuardTests
{
    [Theory]
    [InlineData("""{"items":[{"ma_xa":"00004","so_cccd":null}]}""", "$.items[0].so_cccd")]
    [InlineData("""{"items":[{"ma_xa":"00004","Ho_Ten":"x"}]}""", "$.items[0].Ho_Ten")]
    [InlineData("""{"items":[{"ma_xa":"00004","ghi_chu":"001099012345"}]}""", "citizen id")]
    [InlineData("""{"items":[{"ma_xa":"00004","n":001099012345}]}""", "citizen id")]
    [InlineData("""[{"ID":"1","the":"DN4797915005236"}]""", "health-insurance card")]
    public void Json_WithAnIdentifier_IsFound_WithoutQuotingTheValue(string json, string expected)
    {
        var finding = PersonalDataGuard.FindInJson(Encoding.UTF8.GetBytes(json.Replace("001099012345}", "\"001099012345\"}", StringComparison.Ordinal)));

        Assert.NotNull(finding);
        Assert.Contains(expected, finding, StringComparison.Ordinal);
        Assert.DoesNotContain("001099012345", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_WithOnlyAggregates_IsClean()
    {
        var json = """{"period":"2025-10","items":[{"ma_xa":"00004","dan_so":65023,"so_ho":18578,"ten_xa":"Phường Ba Đình"}],"next_cursor":null}""";

        Assert.Null(PersonalDataGuard.FindInJson(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Csv_HeaderAndFields_AreChecked()
    {
        Assert.Contains("'CCCD'", PersonalDataGuard.FindInCsvHeader(["ma_xa", "CCCD"]), StringComparison.Ordinal);
        Assert.Null(PersonalDataGuard.FindInCsvHeader(["ma_xa", "thue_bao"]));
        Assert.Contains("line 7, column 'ghi_chu'", PersonalDataGuard.FindInCsvFields(["ma_xa", "ghi_chu"], ["00004", "079203001234"], 7), StringComparison.Ordinal);
        Assert.Null(PersonalDataGuard.FindInCsvFields(["ma_xa", "thue_bao"], ["00004", "12345"], 7));
    }
}

using System.CommandLine;
using Pipeline.Core.Input;
using Pipeline.Warehouse.Roles;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline analysts restrict|list|unrestrict`: limit a database role (a province's analysts) to its province in the
/// analytics views. The role itself is the deployment's (created and granted pipeline_analyst by its DBA).
/// </summary>
internal static class AnalystsCommand
{
    public static Command Create(CliContext context)
    {
        var role = new Option<string>("--role") { Description = "The database role (a login or a group of logins).", Required = true };
        var province = new Option<string>("--province") { Description = "The 2025 province code it may see (with the old provinces merged into it, for 2024-era data).", Required = true };
        var restrict = new Command("restrict", "Limit a role to a province in every analytics view of unit data (repeat for several provinces).") { role, province };
        restrict.SetAction(async (parse, ct) =>
        {
            await using var warehouse = await context.OpenMigratedWarehouseAsync(ct);
            IReadOnlyList<(short Era, string ProvinceCode)> added;
            try
            {
                added = await new AnalystScopes(warehouse, context.Time).RestrictAsync(parse.GetRequiredValue(role), parse.GetRequiredValue(province), Environment.UserName, ct);
            }
            catch (ScopeRefusedException e)
            {
                throw new BadInputException(new InputProblem($"--{e.What}", null, e.Message));
            }

            Console.WriteLine(added.Count == 0
                ? $"{parse.GetValue(role)} already sees province {parse.GetValue(province)}."
                : $"{parse.GetValue(role)} now sees {string.Join(", ", added.Select(a => $"{a.Era} province {a.ProvinceCode}"))} (and nothing outside its scope).");
            return ExitCodes.Success;
        });

        var list = new Command("list", "Roles limited to provinces, with their (era:province) scopes; any other role sees every province.");
        list.SetAction(async (_, ct) =>
        {
            await using var warehouse = await context.OpenMigratedWarehouseAsync(ct);
            var scopes = await new AnalystScopes(warehouse, context.Time).ListAsync(ct);
            Console.WriteLine(scopes.Count == 0 ? "No role is limited: every analyst sees every province." : $"{"role",-30} provinces (era:code)");
            foreach (var (name, provinces) in scopes)
            {
                Console.WriteLine($"{name,-30} {provinces}");
            }

            return ExitCodes.Success;
        });

        var unrestrictRole = new Option<string>("--role") { Description = "The database role.", Required = true };
        var unrestrict = new Command("unrestrict", "Remove a role's province limit: it sees every province again.") { unrestrictRole };
        unrestrict.SetAction(async (parse, ct) =>
        {
            await using var warehouse = await context.OpenMigratedWarehouseAsync(ct);
            var removed = await new AnalystScopes(warehouse, context.Time).RemoveAsync(parse.GetRequiredValue(unrestrictRole), ct);
            Console.WriteLine($"{parse.GetValue(unrestrictRole)}: {removed} scope rows removed.");
            return ExitCodes.Success;
        });

        return new Command("analysts", "Limit analysts' database roles to their province in the analytics views.") { restrict, list, unrestrict };
    }
}

using Gateway.Store;

namespace Gateway.Tests.Store;

/// <summary>The scripts as sent: shared fragments expanded once each, the reserve layout defined by its wrapper.</summary>
public sealed class LuaScriptsTests
{
    public static TheoryData<string> Scripts() => new(Directory.EnumerateFiles(Path.Combine(Infrastructure.RulePresets.RepoRoot, "src", "Gateway", "Store", "Scripts"), "*.lua").Select(Path.GetFileNameWithoutExtension).Select(name => name!));

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Load_ExpandsEveryInclude(string script)
    {
        var text = LuaScripts.Load(script);

        Assert.DoesNotContain("--#include", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("finish", "idempotency_answer", "append_history")]
    [InlineData("hold", "idempotency_answer", "append_history")]
    [InlineData("cancel", "append_history")]
    [InlineData("reserve", "idempotency_answer")]
    public void Load_DefinesEachSharedFragmentOnce(string script, params string[] functions)
    {
        var text = LuaScripts.Load(script);

        foreach (var function in functions)
        {
            Assert.Equal(2, text.Split($"local function {function}(").Length);
        }
    }

    [Fact]
    public void ReserveScript_DefinesTheCapLayoutBeforeTheScriptReadsIt()
    {
        var firstLine = ReserveScript.Text.Split('\n')[0];

        Assert.Equal("local FIRST_CAP_KEY, FIRST_CAP_ARG, ARGS_PER_CAP = 5, 13, 6", firstLine);
    }
}

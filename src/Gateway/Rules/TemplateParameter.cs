using System.Text.RegularExpressions;

namespace Gateway.Rules;

/// <summary>A caller-supplied template value: it must match <see cref="Pattern"/> in full, so no free text gets in.</summary>
internal sealed record TemplateParameter(string Name, Regex Pattern, bool Required);

namespace Shipgate.Core.Tests;

public sealed class EnumOrderTests
{
    [Fact]
    public void OrdersAndComparesByValue_AsTheDefaultComparers()
    {
        var severities = Enum.GetValues<Severity>();
        foreach (var x in severities)
        {
            foreach (var y in severities)
            {
                Math.Sign(EnumOrder.Of<Severity>().Compare(x, y)).ShouldBe(Math.Sign(Comparer<Severity>.Default.Compare(x, y)));
                EnumOrder.Of<Severity>().Equals(x, y).ShouldBe(x == y);
            }
        }

        var categories = new HashSet<Category>(EnumOrder.Of<Category>()) { Category.Iac, Category.Secrets, Category.Iac };
        categories.Count.ShouldBe(2);
        new[] { Category.Iac, Category.Secrets, Category.Docker }.Order(EnumOrder.Of<Category>()).ShouldBe([Category.Secrets, Category.Docker, Category.Iac]);
    }

    [Fact]
    public void OneInstancePerType() => EnumOrder.Of<Confidence>().ShouldBeSameAs(EnumOrder.Of<Confidence>());
}

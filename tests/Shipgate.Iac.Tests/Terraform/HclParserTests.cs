using Shipgate.Core;
using Shipgate.Iac.Iam;
using Shipgate.Iac.Terraform;
using Shipgate.Iac.Terraform.Hcl;

namespace Shipgate.Iac.Tests.Terraform;

public sealed class HclParserTests
{
    [Fact]
    public void Parses_blocks_attributes_and_comments_with_positions()
    {
        // Given a file with every comment style, labels, nested and single-line blocks
        const string text = """
            # leading comment
            terraform { required_version = ">= 1.5" }
            // another
            resource "aws_s3_bucket" "logs" {
              bucket = "logs" /* inline */
              tags = {
                Name  = "logs"
                "env" = var.env
              }
              lifecycle {
                prevent_destroy = true
              }
            }
            """;

        // When it is parsed
        var body = HclParser.Parse(text);

        // Then blocks, labels, attributes and positions come out
        body.Blocks.Count.ShouldBe(2);
        var resource = body.Blocks[1];
        resource.Type.ShouldBe("resource");
        resource.Labels.ShouldBe(["aws_s3_bucket", "logs"]);
        (resource.Line, resource.Column).ShouldBe((4, 1));
        var bucket = resource.Body.Attribute("bucket")!;
        (bucket.Line, bucket.Column).ShouldBe((5, 3));
        resource.Body.BlocksOf("lifecycle").Single().Body.Attribute("prevent_destroy")!.Value.ShouldBeOfType<HclLiteral>();
        body.Blocks[0].Body.Attribute("required_version").ShouldNotBeNull();
        var tags = HclValues.Evaluate(resource.Body.Attribute("tags")!.Value, text).ShouldBeOfType<MapNode>();
        tags.Get("Name").AsString().ShouldBe("logs");
        tags.Get("env").ShouldBeOfType<UnknownNode>().Description.ShouldBe("var.env");
    }

    [Theory]
    [InlineData("1 + 2 * 3", typeof(HclBinary))]
    [InlineData("a ? b : c", typeof(HclConditional))]
    [InlineData("!a && b || c", typeof(HclBinary))]
    [InlineData("-x", typeof(HclUnary))]
    [InlineData("var.list[0].name", typeof(HclGetAttribute))]
    [InlineData("aws_instance.web[*].id", typeof(HclSplat))]
    [InlineData("aws_instance.web.*.id", typeof(HclSplat))]
    [InlineData("merge(local.a, { b = 1 }, local.c...)", typeof(HclFunctionCall))]
    [InlineData("provider::aws::arn_parse(x)", typeof(HclFunctionCall))]
    [InlineData("[for s in var.list : upper(s) if s != \"\"]", typeof(HclFor))]
    [InlineData("{for k, v in var.map : k => v...}", typeof(HclFor))]
    [InlineData("\"a-${var.b}-%{ if c }d%{ else }e%{ endif }\"", typeof(HclTemplate))]
    [InlineData("(1 <= 2) == true", typeof(HclBinary))]
    [InlineData("[\n  1,\n  2,\n]", typeof(HclTuple))]
    public void Parses_every_expression_form(string text, Type expected)
    {
        HclParser.ParseExpression(text).ShouldBeOfType(expected);
    }

    [Fact]
    public void Applies_operator_precedence()
    {
        // Given 1 + 2 * 3 == 7 && true
        var expression = HclParser.ParseExpression("1 + 2 * 3 == 7 && true").ShouldBeOfType<HclBinary>();

        // Then && binds loosest, then ==, then +, then *
        expression.Operator.ShouldBe(HclTokenKind.And);
        var equality = expression.Left.ShouldBeOfType<HclBinary>();
        equality.Operator.ShouldBe(HclTokenKind.EqualEqual);
        var sum = equality.Left.ShouldBeOfType<HclBinary>();
        sum.Operator.ShouldBe(HclTokenKind.Plus);
        sum.Right.ShouldBeOfType<HclBinary>().Operator.ShouldBe(HclTokenKind.Star);
    }

    [Fact]
    public void Reads_heredocs_and_keeps_the_raw_body_for_embedded_json()
    {
        const string text = "a = <<-EOT\n    {\"x\": \"${var.y}\"}\n  EOT\nb = <<EOF\nplain $${literal}\nEOF\n";
        var body = HclParser.Parse(text);

        var a = body.Attribute("a")!.Value.ShouldBeOfType<HclTemplate>();
        a.IsHeredoc.ShouldBeTrue();
        a.BodyLine.ShouldBe(2);
        text[a.BodyStart..a.BodyEnd].ShouldBe("    {\"x\": \"${var.y}\"}\n");
        a.Parts.OfType<HclTemplateInterpolation>().ShouldHaveSingleItem();
        body.Attribute("b")!.Value.ShouldBeOfType<HclTemplate>().LiteralValue.ShouldBe("plain ${literal}\n");
    }

    [Fact]
    public void Evaluates_quoted_escapes()
    {
        var value = HclValues.Evaluate(HclParser.ParseExpression("\"tab\\there \\\"q\\\" \\u00e9\""), "");
        value.AsString().ShouldBe("tab\there \"q\" é");
    }

    [Theory]
    [InlineData("resource \"a\" \"b\" {\n  x = \n}\n", 2, 7, "expected an expression")]
    [InlineData("a = \"unterminated\n", 1, 18, "unterminated string")]
    [InlineData("a = <<EOT\nbody\n", 1, 5, "unterminated heredoc")]
    [InlineData("a = 1 b = 2\n", 1, 7, "expected a newline")]
    [InlineData("block {\n  a = 1\n", 3, 1, "'}' closing the block")]
    [InlineData("a = [1, 2\n", 2, 1, "']'")]
    [InlineData("/* never closed\na = 1\n", 1, 1, "unterminated /* comment")]
    [InlineData("a = \"${var.x\"\n", 1, 14, "unterminated")]
    [InlineData("a = { b = 1 c = 2 }\n", 1, 13, "',' or a newline")]
    [InlineData("a = 1 @ 2\n", 1, 7, "unexpected character '@'")]
    [InlineData("a = \"\\q\"\n", 1, 6, "unknown escape")]
    public void Reports_malformed_input_with_line_and_column(string text, int line, int column, string message)
    {
        var error = Should.Throw<InputFormatException>(() => HclParser.Parse(text));
        error.Message.ShouldContain(message);
        $"{error.Line}:{error.Column}".ShouldBe($"{line}:{column}");
    }

    [Fact]
    public void Caps_nesting_depth()
    {
        var text = "a = " + new string('[', 5000) + new string(']', 5000) + "\n";
        var error = Should.Throw<InputFormatException>(() => HclParser.Parse(text));
        error.Message.ShouldContain("nesting deeper than");
    }

    [Fact]
    public void Caps_template_nesting_depth()
    {
        var text = "a = " + string.Concat(Enumerable.Repeat("\"${", 200)) + "1" + string.Concat(Enumerable.Repeat("}\"", 200)) + "\n";
        Should.Throw<InputFormatException>(() => HclParser.Parse(text)).Message.ShouldContain("nested deeper than");
    }
}

/// <summary>Real-world Terraform shapes that must parse (no false input errors).</summary>
public sealed class HclRealWorldTests
{
    [Fact]
    public void Parses_a_module_with_dynamic_blocks_for_expressions_and_templates()
    {
        const string text = """
            terraform {
              required_version = ">= 1.5.0"
              required_providers {
                aws = {
                  source  = "hashicorp/aws"
                  version = "~> 5.0"
                }
              }
            }

            locals {
              name    = "${var.prefix}-${terraform.workspace}"
              tags    = merge(var.tags, { Name = local.name })
              ports   = [for p in var.ports : tonumber(p) if p != ""]
              by_name = { for s in var.subnets : s.name => s.cidr... }
              script  = <<-EOT
                #!/bin/sh
                %{ for host in var.hosts ~}
                echo ${host}
                %{ endfor ~}
                echo "$${HOME}"
              EOT
              ratio   = (var.a + var.b) * 1.5e3 / 2 % 7
              first   = aws_instance.web[*].id[0]
              legacy  = aws_instance.web.*.private_ip
              enabled = !var.disabled && (var.count > 0 || var.force)
              msg     = "${lookup(var.map, "key", "default")} and %{if var.x}yes%{else}no%{endif}"
            }

            resource "aws_security_group" "this" {
              count  = var.create ? 1 : 0
              name   = local.name
              vpc_id = var.vpc_id

              dynamic "ingress" {
                for_each = var.ingress_rules
                content {
                  from_port   = ingress.value.from
                  to_port     = ingress.value.to
                  protocol    = "tcp"
                  cidr_blocks = ingress.value.cidrs # trailing comment
                }
              }

              lifecycle {
                create_before_destroy = true
                ignore_changes        = [tags["CreatedAt"]]
              }
            }

            output "ids" {
              value = {
                for k, v in aws_instance.web : k => v.id
                if v.id != null
              }
            }
            """;

        var body = HclParser.Parse(text);

        body.Blocks.Count.ShouldBe(4);
        var locals = body.Blocks[1].Body;
        locals.Attribute("script")!.Value.ShouldBeOfType<HclTemplate>().Parts.OfType<HclTemplateDirective>().Count().ShouldBe(2);
        locals.Attribute("by_name")!.Value.ShouldBeOfType<HclFor>().Grouping.ShouldBeTrue();
        locals.Attribute("first")!.Value.ShouldBeOfType<HclSplat>().Each.Count.ShouldBe(2);
        body.Blocks[2].Body.BlocksOf("dynamic").Single().Labels.ShouldBe(["ingress"]);
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Honjo.GyoseiKaikaku.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PlanEndings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EndKind",
                table: "PlanKeys",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndReason",
                table: "PlanKeys",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EndedYear",
                table: "PlanKeys",
                type: "int",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EndKind",
                table: "PlanKeys");

            migrationBuilder.DropColumn(
                name: "EndReason",
                table: "PlanKeys");

            migrationBuilder.DropColumn(
                name: "EndedYear",
                table: "PlanKeys");
        }
    }
}

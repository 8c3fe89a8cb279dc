using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Honjo.GyoseiKaikaku.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PlanMerges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MergedIntoId",
                table: "PlanKeys",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanKeys_MergedIntoId",
                table: "PlanKeys",
                column: "MergedIntoId");

            migrationBuilder.AddForeignKey(
                name: "FK_PlanKeys_PlanKeys_MergedIntoId",
                table: "PlanKeys",
                column: "MergedIntoId",
                principalTable: "PlanKeys",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PlanKeys_PlanKeys_MergedIntoId",
                table: "PlanKeys");

            migrationBuilder.DropIndex(
                name: "IX_PlanKeys_MergedIntoId",
                table: "PlanKeys");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "PlanKeys");
        }
    }
}

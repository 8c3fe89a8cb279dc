using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Honjo.GyoseiKaikaku.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// First half of the plan versions (ADR 0016): the plan identity table and the new columns, filled from the
    /// existing data. Every existing plan becomes its own identity with the same id, so year-end reports and history
    /// keep their values (only the column is renamed), and its row becomes the version of the edition that lists it.
    /// The foreign keys follow in <c>PlanVersions</c>: on SQLite they rebuild tables, which must not run with data
    /// statements in the same migration.
    /// </summary>
    public partial class PlanKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PlanKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FieldNumber = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanKeys", x => x.Id);
                });

            migrationBuilder.AddColumn<int>(name: "EditionId", table: "Plans", type: "int", nullable: false, defaultValue: 0);
            migrationBuilder.AddColumn<int>(name: "PlanKeyId", table: "Plans", type: "int", nullable: false, defaultValue: 0);
            migrationBuilder.AddColumn<int>(name: "EditionYear", table: "History", type: "int", nullable: true);

            migrationBuilder.DropIndex(name: "IX_YearEndReports_PlanId_Year", table: "YearEndReports");
            migrationBuilder.RenameColumn(name: "PlanId", table: "YearEndReports", newName: "PlanKeyId");
            migrationBuilder.DropIndex(name: "IX_History_PlanId_At", table: "History");
            migrationBuilder.RenameColumn(name: "PlanId", table: "History", newName: "PlanKeyId");
            migrationBuilder.DropIndex(name: "IX_Plans_FieldNumber_Number", table: "Plans");

            migrationBuilder.Sql("SET IDENTITY_INSERT [PlanKeys] ON; INSERT INTO [PlanKeys] ([Id], [FieldNumber], [Number]) SELECT [Id], [FieldNumber], [Number] FROM [Plans]; SET IDENTITY_INSERT [PlanKeys] OFF;");
            migrationBuilder.Sql("UPDATE [Plans] SET [PlanKeyId] = [Id], [EditionId] = COALESCE((SELECT MIN(x.[EditionId]) FROM [EditionEntries] x WHERE x.[PlanId] = [Plans].[Id]), (SELECT MIN(e.[Id]) FROM [Editions] e), 0);");

            migrationBuilder.CreateIndex(name: "IX_PlanKeys_FieldNumber_Number", table: "PlanKeys", columns: new[] { "FieldNumber", "Number" }, unique: true);
            migrationBuilder.CreateIndex(name: "IX_YearEndReports_PlanKeyId_Year", table: "YearEndReports", columns: new[] { "PlanKeyId", "Year" }, unique: true);
            migrationBuilder.CreateIndex(name: "IX_History_PlanKeyId_At", table: "History", columns: new[] { "PlanKeyId", "At" });
            migrationBuilder.CreateIndex(name: "IX_Plans_EditionId_FieldNumber_Number", table: "Plans", columns: new[] { "EditionId", "FieldNumber", "Number" }, unique: true);
            migrationBuilder.CreateIndex(name: "IX_Plans_FieldNumber", table: "Plans", column: "FieldNumber");
            migrationBuilder.CreateIndex(name: "IX_Plans_PlanKeyId_EditionId", table: "Plans", columns: new[] { "PlanKeyId", "EditionId" }, unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_Plans_PlanKeyId_EditionId", table: "Plans");
            migrationBuilder.DropIndex(name: "IX_Plans_FieldNumber", table: "Plans");
            migrationBuilder.DropIndex(name: "IX_Plans_EditionId_FieldNumber_Number", table: "Plans");
            migrationBuilder.DropIndex(name: "IX_History_PlanKeyId_At", table: "History");
            migrationBuilder.DropIndex(name: "IX_YearEndReports_PlanKeyId_Year", table: "YearEndReports");
            migrationBuilder.RenameColumn(name: "PlanKeyId", table: "History", newName: "PlanId");
            migrationBuilder.RenameColumn(name: "PlanKeyId", table: "YearEndReports", newName: "PlanId");
            migrationBuilder.CreateIndex(name: "IX_Plans_FieldNumber_Number", table: "Plans", columns: new[] { "FieldNumber", "Number" }, unique: true);
            migrationBuilder.CreateIndex(name: "IX_History_PlanId_At", table: "History", columns: new[] { "PlanId", "At" });
            migrationBuilder.CreateIndex(name: "IX_YearEndReports_PlanId_Year", table: "YearEndReports", columns: new[] { "PlanId", "Year" }, unique: true);
            migrationBuilder.DropColumn(name: "EditionYear", table: "History");
            migrationBuilder.DropColumn(name: "PlanKeyId", table: "Plans");
            migrationBuilder.DropColumn(name: "EditionId", table: "Plans");
            migrationBuilder.DropTable(name: "PlanKeys");
        }
    }
}

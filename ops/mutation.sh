#!/usr/bin/env bash
# Mutation testing of the rules: dotnet-stryker changes the decisions (every *Decisions.cs, the contest tally and fold,
# the compact tables of the contest state, the completion of events of the earlier layout, the classification of store
# failures and the retry back-off, who may do what (AccessRules, grants), the account fold, the password policy, the
# rate limits' buckets and their shard's sweep, a judge's progress, the judging's normalisation, ranking, scoring sheets,
# rules and explanation, and the online quiz's draw, grading, ranking, phone numbers, participation
# and fold (with how a person is found), the answers' fingerprint, and the hash chain's link) one mutant at a time and runs the domain tests against each.
# Installs dotnet-stryker (a .NET global tool, from NuGet) when missing. About 4 minutes on 2 cores.
# Prints Stryker's score (every mutant) and the score of the logic mutants (string literals left out), which the
# project keeps at 90 % or more. The report is in .stryker/reports/mutation-report.json (git-ignored).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
stryker=${HOME}/.dotnet/tools/dotnet-stryker
if [ ! -x "$stryker" ]; then
  echo "mutation.sh: installing dotnet-stryker" >&2
  dotnet tool install -g dotnet-stryker >&2
fi
cd "$root/tests/TuyenGiao.Domain.Tests"
"$stryker" --project TuyenGiao.Grains.csproj -c 2 \
  --mutate "**/*Decisions.cs" --mutate "**/ContestTally.cs" --mutate "**/StoreFailures.cs" --mutate "**/EventStoreOptions.cs" \
  --mutate "**/ContestEvolution.cs" --mutate "**/HashTrie.cs" --mutate "**/CompactTables.cs" --mutate "**/EntryFactsOfEarlierEvents.cs" \
  --mutate "**/AccessRules.cs" --mutate "**/Grant.cs" --mutate "**/TokenBucket.cs" --mutate "**/TokenBuckets.cs" --mutate "**/AccountEvolution.cs" --mutate "**/PasswordPolicy.cs" \
  --mutate "**/JudgeWork.cs" --mutate "**/QuizDraw.cs" --mutate "**/QuizGrading.cs" --mutate "**/QuizRanking.cs" --mutate "**/PhoneNumbers.cs" \
  --mutate "**/QuizParticipation.cs" --mutate "**/QuizEvolution.cs" --mutate "**/QuizAnswers.cs" --mutate "**/EventLink.cs" --mutate "**/Sha256Hex.cs" \
  --mutate "**/ScoreNormalisation.cs" --mutate "**/Judging/Ranking.cs" --mutate "**/ScoreSheet.cs" --mutate "**/JudgingRules.cs" \
  --mutate "**/RankingExplanation.cs" --mutate "**/SealedText.cs" --mutate "**/TextSealer.cs" --mutate "**/MasterKeyRing.cs" --mutate "**/Revealed.cs" \
  --mutate "**/PersonPseudonyms.cs" --mutate "**/ContestListing.cs" --mutate "**/Quizzes/Quiz.cs" --mutate "**/NamedPerson.cs" \
  --reporter json --reporter progress --output "$root/.stryker" | grep -E "mutation score|Killed|Survived" || true
python3 - "$root/.stryker/reports/mutation-report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
killed = survived = 0
for path, file in report["files"].items():
    for mutant in file["mutants"]:
        if mutant["mutatorName"] in ("String mutation", "Interpolated string mutation"):
            continue
        if mutant["status"] == "Killed":
            killed += 1
        elif mutant["status"] in ("Survived", "NoCoverage"):
            survived += 1
print(f"logic mutants: {killed} killed, {survived} survived: {100 * killed / (killed + survived):.1f} %")
PY

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { I18nProvider, useT } from '../i18n/i18n.tsx';
import { isApiError } from '../shared/api.ts';
import { SessionProvider } from '../shared/session.tsx';
import { ErrorNote, Loading } from '../shared/ui.tsx';
import { AcceptInvitationPage } from '../modules/auth/AcceptInvitationPage.tsx';
import { LoginPage } from '../modules/auth/LoginPage.tsx';
import { PublicLayout } from '../modules/auth/PublicLayout.tsx';
import { DashboardPage } from '../modules/dashboard/DashboardPage.tsx';
import { ImportPage } from '../modules/imports/ImportPage.tsx';
import { SubjectsPage } from '../modules/subjects/SubjectsPage.tsx';
import { EditTeacherPage, NewTeacherPage } from '../modules/teachers/TeacherFormPage.tsx';
import { TeacherListPage } from '../modules/teachers/TeacherListPage.tsx';
import { TeacherPage } from '../modules/teachers/TeacherPage.tsx';
import { UsersPage } from '../modules/users/UsersPage.tsx';
import { RequireAuth, RequireCapability } from './guards.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { Shell } from './Shell.tsx';

// MGMP pages load on first visit, so they add nothing to the first-load bundle.
const MgmpListPage = lazy(() => import('../modules/mgmp/MgmpListPage.tsx').then((m) => ({ default: m.MgmpListPage })));
const MgmpGroupPage = lazy(() => import('../modules/mgmp/MgmpGroupPage.tsx').then((m) => ({ default: m.MgmpGroupPage })));
const MgmpMeetingPage = lazy(() => import('../modules/mgmp/MgmpMeetingPage.tsx').then((m) => ({ default: m.MgmpMeetingPage })));
// Student feedback pages (kepala, operator, teacher): lazy as well.
const DistributionPage = lazy(() => import('../modules/assessment/DistributionPage.tsx').then((m) => ({ default: m.DistributionPage })));
const FeedbackListPage = lazy(() => import('../modules/feedback/FeedbackListPage.tsx').then((m) => ({ default: m.FeedbackListPage })));
const FeedbackRoundPage = lazy(() => import('../modules/feedback/FeedbackRoundPage.tsx').then((m) => ({ default: m.FeedbackRoundPage })));
// Assessment-cycle pages (Penilaian Kinerja): lazy.
const PeriodsPage = lazy(() => import('../modules/assessment/PeriodsPage.tsx').then((m) => ({ default: m.PeriodsPage })));
const PeriodPage = lazy(() => import('../modules/assessment/PeriodPage.tsx').then((m) => ({ default: m.PeriodPage })));
const RatingFormPage = lazy(() => import('../modules/assessment/RatingFormPage.tsx').then((m) => ({ default: m.RatingFormPage })));
const ResultPage = lazy(() => import('../modules/assessment/ResultPage.tsx').then((m) => ({ default: m.ResultPage })));
const CombinedPage = lazy(() => import('../modules/assessment/CombinedPage.tsx').then((m) => ({ default: m.CombinedPage })));
const MyAssessmentsPage = lazy(() => import('../modules/assessment/MyAssessmentsPage.tsx').then((m) => ({ default: m.MyAssessmentsPage })));
const AssessmentSettingsPage = lazy(() => import('../modules/assessment/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })));
const MyFollowUpsPage = lazy(() => import('../modules/mgmp/MyFollowUpsPage.tsx').then((m) => ({ default: m.MyFollowUpsPage })));
const MgmpOverviewPage = lazy(() => import('../modules/mgmp/MgmpOverviewPage.tsx').then((m) => ({ default: m.MgmpOverviewPage })));
const ObservationListPage = lazy(() => import('../modules/observation/ObservationListPage.tsx').then((m) => ({ default: m.ObservationListPage })));
const ObservationPlanPage = lazy(() => import('../modules/observation/ObservationListPage.tsx').then((m) => ({ default: m.ObservationPlanPage })));
const ObservationPage = lazy(() => import('../modules/observation/ObservationPage.tsx').then((m) => ({ default: m.ObservationPage })));
// Instruments: the list, a madrasah's own builder and the read-only views (lazy).
const InstrumentListPage = lazy(() => import('../modules/instruments/InstrumentListPage.tsx').then((m) => ({ default: m.InstrumentListPage })));
const InstrumentPage = lazy(() => import('../modules/instruments/InstrumentPage.tsx').then((m) => ({ default: m.InstrumentPage })));
const PublishedInstrumentPage = lazy(() => import('../modules/instruments/InstrumentPage.tsx').then((m) => ({ default: m.PublishedInstrumentPage })));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not get better by asking again; a dropped connection might.
      retry: (count, error) => count < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
    },
    mutations: { retry: false },
  },
});

function BootError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useT();
  return (
    <PublicLayout>
      <div className="card auth-card">
        <h1>{t('app.name')}</h1>
        <ErrorNote error={error} onRetry={retry} />
      </div>
    </PublicLayout>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <BrowserRouter>
          <SessionProvider fallback={(error, retry) => <BootError error={error} retry={retry} />}>
            <Routes>
              <Route path="/masuk" element={<LoginPage />} />
              <Route path="/undangan/:token" element={<AcceptInvitationPage />} />
              <Route
                element={
                  <RequireAuth>
                    <Shell />
                  </RequireAuth>
                }
              >
                <Route index element={<DashboardPage />} />
                <Route path="guru" element={<TeacherListPage />} />
                <Route
                  path="guru/baru"
                  element={
                    <RequireCapability capability="manageTeachers">
                      <NewTeacherPage />
                    </RequireCapability>
                  }
                />
                <Route path="guru/:id" element={<TeacherPage />} />
                <Route
                  path="guru/:id/ubah"
                  element={
                    <RequireCapability capability="manageTeachers">
                      <EditTeacherPage />
                    </RequireCapability>
                  }
                />
                <Route path="mapel" element={<SubjectsPage />} />
                <Route
                  path="impor"
                  element={
                    <RequireCapability capability="importTeachers">
                      <ImportPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="pengguna"
                  element={
                    <RequireCapability capability="manageUsers">
                      <UsersPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="mgmp"
                  element={
                    <Lazy>
                      <MgmpListPage />
                    </Lazy>
                  }
                />
                <Route
                  path="mgmp/ringkasan"
                  element={
                    <Lazy>
                      <MgmpOverviewPage />
                    </Lazy>
                  }
                />
                <Route
                  path="mgmp/tindak-lanjut"
                  element={
                    <Lazy>
                      <MyFollowUpsPage />
                    </Lazy>
                  }
                />
                <Route
                  path="mgmp/rapat/:meetingId"
                  element={
                    <Lazy>
                      <MgmpMeetingPage />
                    </Lazy>
                  }
                />
                <Route
                  path="mgmp/:groupId"
                  element={
                    <Lazy>
                      <MgmpGroupPage />
                    </Lazy>
                  }
                />
                <Route
                  path="observasi"
                  element={
                    <Lazy>
                      <ObservationListPage />
                    </Lazy>
                  }
                />
                <Route
                  path="observasi/baru"
                  element={
                    <Lazy>
                      <ObservationPlanPage />
                    </Lazy>
                  }
                />
                <Route
                  path="observasi/:id"
                  element={
                    <Lazy>
                      <ObservationPage />
                    </Lazy>
                  }
                />
                <Route
                  path="umpan-balik"
                  element={
                    <Lazy>
                      <FeedbackListPage />
                    </Lazy>
                  }
                />
                <Route
                  path="umpan-balik/:id"
                  element={
                    <Lazy>
                      <FeedbackRoundPage />
                    </Lazy>
                  }
                />
                <Route
                  path="penilaian"
                  element={
                    <Lazy>
                      <PeriodsPage />
                    </Lazy>
                  }
                />
                <Route
                  path="penilaian/saya"
                  element={
                    <Lazy>
                      <MyAssessmentsPage />
                    </Lazy>
                  }
                />
                <Route
                  path="penilaian/pengaturan"
                  element={
                    <Lazy>
                      <AssessmentSettingsPage />
                    </Lazy>
                  }
                />
                <Route
                  path="penilaian/periode/:id"
                  element={
                    <Lazy>
                      <PeriodPage />
                    </Lazy>
                  }
                />
                <Route
                  path="penilaian/periode/:periodId/guru/:teacherId"
                  element={
                    <Lazy>
                      <CombinedPage />
                    </Lazy>
                  }
                />
                <Route
                  path="penilaian/nilai/:id"
                  element={
                    <Lazy>
                      <RatingFormPage />
                    </Lazy>
                  }
                />
                <Route
                  path="penilaian/hasil/:id"
                  element={
                    <Lazy>
                      <ResultPage />
                    </Lazy>
                  }
                />
                <Route
                  path="penilaian/sebaran"
                  element={
                    <Lazy>
                      <DistributionPage />
                    </Lazy>
                  }
                />
                <Route
                  path="instrumen"
                  element={
                    <Lazy>
                      <InstrumentListPage />
                    </Lazy>
                  }
                />
                <Route
                  path="instrumen/resmi/:code/:version"
                  element={
                    <Lazy>
                      <PublishedInstrumentPage />
                    </Lazy>
                  }
                />
                <Route
                  path="instrumen/:id"
                  element={
                    <Lazy>
                      <InstrumentPage />
                    </Lazy>
                  }
                />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </SessionProvider>
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  );
}

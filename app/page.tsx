export default function HomePage() {
  return (
    <section>
      <h1>Tokenshop</h1>
      <p>The catalogue is coming soon.</p>
    </section>
  );
}
